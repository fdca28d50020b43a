/**
 * Hedge words in commitment text (DOMAIN.md, "Hedge words to flag"): the words that turn an
 * obligation into a process, a possibility or an open-ended promise. Each hedge names the
 * concreteness point it costs: 5 (the response is a process), 6 (the obligation is weakened or
 * qualified) or 7 (a time word with no number).
 *
 * Decisions, so the list stays predictable:
 * - Whole words only, case-insensitive; inflections count ("considered", "seeking",
 *   "consultations", "intention"). "consultant" is a person, not a process: not flagged.
 *   "mayor", "considerable", "reconsider" are not flagged. "May" next to a number ("12 May
 *   1994") is the month, not flagged.
 * - Multi-word phrases match across any run of spaces and line breaks. "as necessary" counts
 *   with "as appropriate"; "where practicable/feasible" and "to the extent possible" with
 *   "where possible"; "as they deem necessary", "the Party deems it appropriate", "as may be
 *   deemed necessary" with "as it deems necessary"; "in accordance with ... requirements"
 *   also ends in "procedures", "processes" or "arrangements" (at most eight words between), so
 *   "in accordance with this Agreement" is not flagged.
 * - "support" is flagged only without an object: after a vague modifier ("appropriate
 *   support", "necessary support") or at the end of a clause ("support.", "support;") or before
 *   a condition ("support as needed", "support where possible"). "support Ukraine", "support
 *   the forces", "support, train and equip" and "support for air defence" are not flagged.
 * - Point 7: "promptly", "without (undue) delay" and "as soon as possible/practicable" are
 *   flagged only when the same sentence has no number with a time unit ("promptly and in any
 *   case within 24 hours" is fine). "immediately" is not flagged: it does not soften the
 *   promise, it only lacks a number, and flagging every "immediately" would bury the real
 *   hedges.
 * - When two hedges overlap and one contains the other ("consider" inside "as it considers
 *   necessary"), only the longer one is kept.
 */

/** The kinds of hedge, each a family of words and phrases. */
export type HedgeKind =
  | 'may'
  | 'might'
  | 'could'
  | 'consider'
  | 'seek'
  | 'endeavour'
  | 'strive'
  | 'intend'
  | 'where_possible'
  | 'as_appropriate'
  | 'deems_necessary'
  | 'in_accordance_with_requirements'
  | 'consult'
  | 'support_without_object'
  | 'promptly';

/** One hedge found in a text. */
export interface Hedge {
  /** The words exactly as they appear in the text (`text.slice(start, end)`). */
  phrase: string;
  kind: HedgeKind;
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset after the last character (exclusive). */
  end: number;
  /** The concreteness point it costs: 5 process, 6 strength, 7 deadline. */
  point: 5 | 6 | 7;
  /** A plain sentence on why the words are vague. */
  message: string;
}

/**
 * Finds the hedges in a text, in order of position. Pure and deterministic; an empty text has
 * none. Guarantees `text.slice(h.start, h.end) === h.phrase` for every hedge, and that no hedge
 * lies inside another.
 */
export function findHedges(text: string): Hedge[] {
  const found: Hedge[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (rule.accept && !rule.accept(text, start, end)) continue;
      found.push({
        phrase: match[0],
        kind: rule.kind,
        start,
        end,
        point: rule.point,
        message: `"${match[0]}" ${rule.message}`,
      });
    }
  }
  const kept = found.filter(
    (hedge) =>
      !found.some(
        (other) =>
          other !== hedge &&
          other.start <= hedge.start &&
          other.end >= hedge.end &&
          other.end - other.start > hedge.end - hedge.start,
      ),
  );
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface HedgeRule {
  kind: HedgeKind;
  point: 5 | 6 | 7;
  regex: RegExp;
  /** Completes "<phrase> ...". */
  message: string;
  /** Extra test on the match; the match is dropped when it returns false. */
  accept?: (text: string, start: number, end: number) => boolean;
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** A whole-word, case-insensitive regex; a space in `source` matches any run of white space. */
function words(source: string): RegExp {
  return new RegExp(
    `(?<!${WORD_CHAR})(?:${source.replaceAll(' ', '\\s+')})(?!${WORD_CHAR})`,
    'giu',
  );
}

const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|hundred|' +
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)';
const TIME_UNIT = '(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)';
/** A number with a time unit: "24 hours", "24-hour", "72h", "twenty-four (24) hours". */
const NUMBER_WITH_UNIT = new RegExp(
  `(?<!${WORD_CHAR})(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORD})\\)?(?:\\s*\\(\\d+\\))?[\\s-]*${TIME_UNIT}(?!${WORD_CHAR})`,
  'iu',
);

/** The sentence around [start, end): bounded by . ! ? followed by white space, or a blank line. */
function sentenceAround(text: string, start: number, end: number): string {
  const boundary = /[.!?](?=\s|$)|\n\s*\n/g;
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(boundary)) {
    if (match.index + match[0].length <= start) from = match.index + match[0].length;
    else if (match.index >= end) {
      to = match.index;
      break;
    }
  }
  return text.slice(from, to);
}

const VAGUE_MODIFIERS =
  'appropriate|necessary|adequate|such|possible|any|further|additional|needed|relevant|suitable|requisite';
const CONDITION_WORDS = 'as|where|wherever|if|when|whenever|within|in accordance|to the extent';

const RULES: readonly HedgeRule[] = [
  {
    kind: 'may',
    point: 6,
    regex: words('may'),
    message: 'makes the act optional',
    // "12 May 1994", "May 2024": the month, not the verb.
    accept: (text, start, end) =>
      !(
        text.slice(start, end) === 'May' &&
        (/\d\s*$/u.test(text.slice(0, start)) || /^\s*\d/u.test(text.slice(end)))
      ),
  },
  { kind: 'might', point: 6, regex: words('might'), message: 'only states a possibility' },
  { kind: 'could', point: 6, regex: words('could'), message: 'only states a possibility' },
  {
    kind: 'consider',
    point: 6,
    regex: words('consider(?:s|ed|ing|ations?)?'),
    message: 'promises to think about acting, not to act',
  },
  {
    kind: 'endeavour',
    point: 6,
    regex: words('endeavou?r(?:s|ed|ing)?'),
    message: 'promises an effort, not a result',
  },
  {
    kind: 'strive',
    point: 6,
    regex: words('striv(?:e|es|ing|en)|strove'),
    message: 'promises an effort, not a result',
  },
  {
    kind: 'intend',
    point: 6,
    regex: words('intend(?:s|ed|ing)?|intentions?'),
    message: 'announces an intention, not an obligation',
  },
  {
    kind: 'where_possible',
    point: 6,
    regex: words(
      '(?:where|wherever|whenever|if|when) (?:possible|practicable|feasible)|(?:as far as|to the extent) (?:possible|practicable|feasible)',
    ),
    message: 'lets the obligor decide when acting is possible',
  },
  {
    kind: 'as_appropriate',
    point: 6,
    regex: words('as (?:appropriate|necessary)'),
    message: 'lets the obligor decide what is appropriate',
  },
  {
    kind: 'deems_necessary',
    point: 6,
    regex: words(
      '(?:as )?(?:it|they|(?:each|the|either|that) [\\p{L}-]+) (?:deems?|considers?|judges?) (?:it )?(?:necessary|appropriate|fit|useful|advisable)' +
        '|as (?:may be )?deemed (?:necessary|appropriate|fit)|as (?:it|they) sees? fit',
    ),
    message: "leaves the decision to the obligor's own judgement",
  },
  {
    kind: 'in_accordance_with_requirements',
    point: 6,
    regex: words(
      "in accordance with (?:[\\p{L}'’-]+ ){0,8}?(?:requirements|procedures|processes|arrangements)",
    ),
    message: 'makes the act depend on domestic requirements or procedures',
  },
  {
    kind: 'seek',
    point: 5,
    regex: words('seek|seeks|seeking|sought'),
    message: 'promises to ask others to act, not to act',
  },
  {
    kind: 'consult',
    point: 5,
    regex: words('consult(?:s|ed|ing|ations?|ative)?'),
    message: 'is a process (talking), not an action',
  },
  {
    kind: 'support_without_object',
    point: 5,
    regex: words(
      `(?:${VAGUE_MODIFIERS}) support` +
        `|supports?(?=\\s*(?:[.;:!?)]|$)|\\s+(?:${CONDITION_WORDS.replaceAll(' ', '\\s+')})(?!${WORD_CHAR}))`,
    ),
    message: 'is support of unstated kind: nothing says what will be provided',
  },
  {
    kind: 'promptly',
    point: 7,
    regex: words('promptly|without (?:undue )?delay|as soon as (?:possible|practicable|feasible)'),
    message: 'is a time word with no number: no deadline can be checked',
    accept: (text, start, end) => !NUMBER_WITH_UNIT.test(sentenceAround(text, start, end)),
  },
];
