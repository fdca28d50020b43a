/**
 * Concreteness points 1-4 (how binding the document is, in which languages, what activates the
 * commitment and who decides that), and the rule types and wording helpers shared by the
 * other rule files. Each rule reads the structured fields first; hedge words from the text
 * only matter where a rule says so. Used by concreteness.ts.
 */
import type { AgreementDocument, Commitment, DocumentVersion } from './file-schema.js';
import type { Hedge } from './hedges.js';
import type { LegalForm } from './vocabulary.js';

/** What one rule sees: the commitment, its context, and the hedges of this point only. */
export interface RuleInput {
  commitment: Commitment;
  document: AgreementDocument;
  versions: readonly DocumentVersion[];
  hedges: readonly Hedge[];
}

/** What one rule decides. `raise` is ignored when the score is 2. */
export interface RuleResult {
  score: 0 | 1 | 2;
  reason: string;
  raise: string | null;
}

/** A checklist rule: values in, a score out. */
export type Rule = (input: RuleInput) => RuleResult;

/** The rules of points 1-4, by checklist key. */
export const FORM_AND_TRIGGER_RULES = {
  legal_form: scoreLegalForm,
  same_meaning: scoreSameMeaning,
  bounded_trigger: scoreBoundedTrigger,
  determining_body: scoreDeterminingBody,
} satisfies Record<string, Rule>;

/** "a", "a and b", "a, b and c" (or "a, b or c" with `conjunction` 'or'). */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** Items in double quotes, listed. */
export function quoted(items: readonly string[]): string {
  return listOf(items.map((item) => `"${item}"`));
}

/** The phrases, first spelling kept, without repeats that differ only in case or spacing. */
export function uniqueIgnoringCase(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const norm = phrase.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(norm)) return false;
    seen.add(norm);
    return true;
  });
}

const FORM_SCORES: Record<LegalForm, 0 | 1 | 2> = {
  ratified_treaty: 2,
  executive_agreement: 1,
  political_commitment: 0,
  unknown: 0,
};

// Point 1. The legal form gives the base score (ratified treaty 2, executive agreement 1,
// political commitment or unknown 0); a party or guarantor that has not signed (any status
// but 'signed', or none recorded) means it was not agreed by all: one point less, not below 0.
function scoreLegalForm({ document }: RuleInput): RuleResult {
  const base = FORM_SCORES[document.legalForm];
  const unsigned = document.roles.filter(
    ({ role, signature }) => (role === 'party' || role === 'guarantor') && signature !== 'signed',
  );
  const described = unsigned.map(
    ({ actor, role, signature }) => `${actor} (${role}, ${signature ?? 'no signature recorded'})`,
  );
  const form = document.legalForm.replaceAll('_', ' ');
  const agreed =
    unsigned.length === 0
      ? 'every party and guarantor signed'
      : `not agreed by all: ${listOf(described)} did not sign`;
  const raises = [
    ...(base < 2 ? ['make it a ratified treaty rather than a political or executive text'] : []),
    ...(unsigned.length > 0
      ? [`obtain the signatures of ${listOf([...new Set(unsigned.map((r) => r.actor))])}`]
      : []),
  ];
  return {
    score: clampScore(base - (unsigned.length > 0 ? 1 : 0)),
    reason: `${
      document.legalForm === 'unknown'
        ? 'The legal form of the document is not known'
        : `The document is ${/^[aeiou]/.test(form) ? 'an' : 'a'} ${form}`
    }; ${agreed}.`,
    raise: raises.length > 0 ? `${capitalise(listOf(raises))}.` : null,
  };
}

// Point 2. One authentic language: nothing can diverge (2). Several: a recorded divergence of
// terms is 0; none recorded and a stored version in every language is 2; otherwise 1, because
// the meaning in the languages without a stored text was never checked.
function scoreSameMeaning({ commitment, document, versions }: RuleInput): RuleResult {
  const languages = [...new Set(document.languages)];
  if (languages.length <= 1)
    return {
      score: 2,
      reason: `The document has one authentic language (${languages.join('')}).`,
      raise: null,
    };
  const divergences = commitment.termDivergences ?? [];
  if (divergences.length > 0) {
    const terms = divergences.map((d) => `"${d.term}" (${d.languages.join('/')}: ${d.note})`);
    return {
      score: 0,
      reason: `The languages ${listOf(languages)} differ in meaning: ${listOf(terms)}.`,
      raise: `Agree one meaning for ${quoted(divergences.map((d) => d.term))} in every language, in an interpretive note or a corrected text.`,
    };
  }
  const stored = languages.filter((language) => versions.some((v) => v.language === language));
  const missing = languages.filter((language) => !stored.includes(language));
  if (missing.length === 0)
    return {
      score: 2,
      reason: `Texts in ${listOf(languages)} are stored and no divergence of terms is recorded.`,
      raise: null,
    };
  return {
    score: 1,
    reason:
      stored.length === 0
        ? `No text is stored; the meaning in ${listOf(missing)} is unchecked.`
        : `Only the ${listOf(stored)} text is stored; the meaning in ${listOf(missing)} is unchecked.`,
    raise:
      stored.length === 0
        ? `Store the texts in ${listOf(missing)} and compare their key terms.`
        : `Store the ${listOf(missing)} text${missing.length > 1 ? 's' : ''} and compare the key terms with the ${listOf(stored)} text.`,
  };
}

// Point 3. The trigger is bounded by three things: event types, actors, and a place (zones or
// an area in words). All three: 2; one or two: 1; none or no trigger: 0.
function scoreBoundedTrigger({ commitment }: RuleInput): RuleResult {
  const trigger = commitment.trigger;
  const parts = [
    {
      name: 'event types',
      value: trigger?.eventTypes?.join(', '),
      ask: 'the event types that activate it',
    },
    {
      name: 'actors',
      value: trigger?.actors?.join(', '),
      ask: 'the actor whose violation triggers it',
    },
    {
      name: 'place',
      value: trigger?.zones ? `zones ${trigger.zones.join(', ')}` : trigger?.area,
      ask: 'the zone or area where it must happen',
    },
  ];
  const defined = parts.filter((p) => p.value !== undefined);
  const missing = parts.filter((p) => p.value === undefined);
  const raise = `Name ${listOf(missing.map((p) => p.ask))}.`;
  if (!trigger || defined.length === 0)
    return {
      score: 0,
      reason: trigger
        ? 'The trigger names no event type, actor or place.'
        : 'The commitment has no trigger: nothing says what activates it.',
      raise,
    };
  const named = defined.map((p) => `${p.name}: ${p.value}`).join('; ');
  if (missing.length === 0)
    return { score: 2, reason: `The trigger is bounded (${named}).`, raise: null };
  return {
    score: 1,
    reason: `The trigger names ${named}, but not the ${listOf(
      missing.map((p) => p.name),
      'or',
    )}.`,
    raise,
  };
}

// Point 4. Nobody named to determine that the trigger fired: 0. A veto holder who is a party
// of the document or a triggering actor: 0, the aggressor can block the determination. When
// the trigger names no actor, any veto holder may be the violator, so any veto also gives 0.
// The obligor deciding alone: 1. Otherwise 2.
function scoreDeterminingBody({ commitment, document }: RuleInput): RuleResult {
  const trigger = commitment.trigger;
  const determinedBy = trigger?.determinedBy;
  if (!determinedBy)
    return {
      score: 0,
      reason: 'Nobody is named to determine that the trigger fired.',
      raise:
        'Name the body that determines that the trigger fired, one the violating party cannot veto.',
    };
  const vetoHolders = determinedBy.vetoHolders ?? [];
  const parties = document.roles.filter((r) => r.role === 'party').map((r) => r.actor);
  const suspects = trigger.actors ?? vetoHolders;
  const blockers = vetoHolders.filter((a) => parties.includes(a) || suspects.includes(a));
  if (blockers.length > 0) {
    const why = trigger.actors
      ? `${listOf(blockers)} (a party or a triggering actor) can veto it`
      : `the trigger names no violator, so any veto holder (${listOf(blockers)}) may be the aggressor`;
    return {
      score: 0,
      reason: `${determinedBy.body} determines that the trigger fired, and ${why}: the aggressor can block the determination.`,
      raise: 'Name a determining body the violating party cannot veto.',
    };
  }
  if (determinedBy.obligorAlone)
    return {
      score: 1,
      reason: `The obligor (${commitment.obligor}) alone decides that the trigger fired (${determinedBy.body}).`,
      raise:
        'Let an independent body, such as the monitoring mission, determine that the trigger fired.',
    };
  return {
    score: 2,
    reason: `${determinedBy.body} determines that the trigger fired, and no party can veto it.`,
    raise: null,
  };
}

function clampScore(score: number): 0 | 1 | 2 {
  return score <= 0 ? 0 : score >= 2 ? 2 : 1;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
