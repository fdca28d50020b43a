/**
 * The concreteness score of a commitment: the 13-point checklist of DOMAIN.md ("Is a guarantee
 * concrete?"), each point 0 (vague), 1 (partly) or 2 (concrete), with the reason in a plain
 * sentence, the hedge words that bear on it and what would raise it. Scores come from the
 * structured fields first; the text only adds hedge words (points 5, 6, 7). The rules are in
 * concreteness-rules.ts (points 1-4), concreteness-rules-response.ts (5-8) and
 * concreteness-rules-backing.ts (9-13).
 */
import type { AgreementDocument, Commitment, DocumentVersion } from './file-schema.js';
import { findHedges, type Hedge } from './hedges.js';
import { FORM_AND_TRIGGER_RULES } from './concreteness-rules.js';
import { RESPONSE_RULES } from './concreteness-rules-response.js';
import { BACKING_RULES } from './concreteness-rules-backing.js';

/** What a commitment is scored against: its document and the document's stored versions. */
export interface ScoreContext {
  document: AgreementDocument;
  versions: readonly DocumentVersion[];
}

/** The score of one checklist point. */
export interface PointScore {
  /** 1..13, the order of DOMAIN.md. */
  point: number;
  key: PointKey;
  title: string;
  score: 0 | 1 | 2;
  /** Why, in a plain sentence naming the field values. */
  reason: string;
  /**
   * Hedges in the commitment text that bear on this point (only points 5, 6, 7 have any).
   * Listed as evidence even when the fields give 2: fields win over words.
   */
  hedges: Hedge[];
  /** One concrete sentence on what would raise the score; null when the score is 2. */
  raise: string | null;
}

/** The whole scorecard: 13 points, their sum out of 26, and a letter grade. */
export interface Scorecard {
  total: number;
  max: 26;
  grade: Grade;
  points: PointScore[];
}

/** Letter grades, best first. */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/** The keys of the 13 points. */
export type PointKey = keyof typeof RULES;

/** The checklist of DOMAIN.md, in order: number, key, title and a one-line description. */
export const CHECKLIST: readonly {
  point: number;
  key: PointKey;
  title: string;
  description: string;
}[] = [
  {
    point: 1,
    key: 'legal_form',
    title: 'Legal form',
    description: 'Ratified treaty, executive agreement or political declaration, agreed by all.',
  },
  {
    point: 2,
    key: 'same_meaning',
    title: 'Same meaning in every language',
    description: 'Every authentic language says the same thing, and each text is stored.',
  },
  {
    point: 3,
    key: 'bounded_trigger',
    title: 'Bounded trigger',
    description: 'The event, the actor and the place that activate it are defined.',
  },
  {
    point: 4,
    key: 'determining_body',
    title: 'Who determines the trigger',
    description: 'A named body decides that the trigger fired, and the aggressor cannot veto it.',
  },
  {
    point: 5,
    key: 'response_is_action',
    title: 'Response is an action',
    description: 'The response is an action, not a process such as consultation or referral.',
  },
  {
    point: 6,
    key: 'obligation_strength',
    title: 'Obligation strength',
    description: '"Shall" without qualifiers, not "should", "intend", "policy" or "consider".',
  },
  {
    point: 7,
    key: 'deadline',
    title: 'Deadline',
    description: 'A deadline exists, and it binds the response, not only a meeting.',
  },
  {
    point: 8,
    key: 'resources',
    title: 'Resources',
    description: 'Amounts and periods are stated, and need no later appropriation.',
  },
  {
    point: 9,
    key: 'duration_exit',
    title: 'Duration and exit',
    description: 'How long it lasts, and how a guarantor may leave.',
  },
  {
    point: 10,
    key: 'preconditions',
    title: 'Preconditions',
    description: 'It is in force now, not only after some future event.',
  },
  {
    point: 11,
    key: 'guarantor_bound',
    title: 'Guarantor is bound',
    description: 'The obligor signed, and the clause is in the final text.',
  },
  {
    point: 12,
    key: 'material_backing',
    title: 'Material backing',
    description: 'Forces or supplies are in place, not only promised.',
  },
  {
    point: 13,
    key: 'monitoring_link',
    title: 'Linked to monitoring',
    description: 'The trigger names the verification mechanism and the evidence level.',
  },
];

/**
 * Scores one commitment against the checklist. Pure and deterministic. Requires that the
 * commitment belongs to `context.document`; `context.versions` are that document's versions
 * (may be empty). The points come out in checklist order and `total` is their sum (0..26).
 */
export function scoreCommitment(commitment: Commitment, context: ScoreContext): Scorecard {
  const hedges = findHedges(commitment.text);
  const points = CHECKLIST.map(({ point, key, title }): PointScore => {
    const pointHedges = hedges.filter((hedge) => hedge.point === point);
    const result = RULES[key]({ commitment, ...context, hedges: pointHedges });
    return {
      point,
      key,
      title,
      score: result.score,
      reason: result.reason,
      hedges: pointHedges,
      raise: result.score === 2 ? null : result.raise,
    };
  });
  const total = points.reduce((sum, { score }) => sum + score, 0);
  return { total, max: 26, grade: gradeFor(total), points };
}

/**
 * The letter grade of a total out of 26. Bands (a point is worth 2, so each band is about five
 * points wide):
 * - A: 22..26, concrete on nearly every point;
 * - B: 17..21, a binding guarantee with a few open points;
 * - C: 12..16, half concrete;
 * - D: 7..11, mostly words;
 * - E: 0..6, a statement of sympathy.
 */
export function gradeFor(total: number): Grade {
  if (total >= 22) return 'A';
  if (total >= 17) return 'B';
  if (total >= 12) return 'C';
  if (total >= 7) return 'D';
  return 'E';
}

const RULES = { ...FORM_AND_TRIGGER_RULES, ...RESPONSE_RULES, ...BACKING_RULES };
