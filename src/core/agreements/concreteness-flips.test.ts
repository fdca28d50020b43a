import { describe, expect, it } from 'vitest';
import {
  buildResponse,
  buildTrigger,
  buildVersion,
  pointOf,
  scoreCase,
  type Case,
} from '../../../test/support/commitment-factories.js';
import { CHECKLIST } from './concreteness.js';

// Each case changes one field of a commitment or its document and checks that exactly one
// point moves, and the total with it.

interface Flip extends Case {
  name: string;
  /** The case the flip starts from, when not the 26/26 baseline. */
  from?: Case;
  point: number;
  score: 0 | 1 | 2;
  /** Words the reason or the raise must contain. */
  says?: string;
}

const FLIPS: Flip[] = [
  {
    name: 'point 1 drops to 1 for an executive agreement',
    document: { legalForm: 'executive_agreement' },
    point: 1,
    score: 1,
  },
  {
    name: 'point 1 drops to 0 for a political commitment',
    document: { legalForm: 'political_commitment' },
    point: 1,
    score: 0,
  },
  {
    name: 'point 1 loses a point when a party refused to sign, and names it',
    document: {
      roles: [
        { actor: 'PTY', role: 'party', signature: 'refused' },
        { actor: 'GRT', role: 'guarantor', signature: 'signed' },
      ],
    },
    point: 1,
    score: 1,
    says: 'PTY (party, refused)',
  },
  {
    name: 'point 2 drops to 0 when a term diverges between languages',
    document: { languages: ['en', 'uk'] },
    versions: [buildVersion(), buildVersion({ id: 'final-uk', language: 'uk' })],
    commitment: {
      termDivergences: [
        { term: 'assurances', languages: ['en', 'uk'], note: 'uk says guarantees' },
      ],
    },
    point: 2,
    score: 0,
    says: '"assurances"',
  },
  {
    name: 'point 2 drops to 1 when only the English text of a bilingual document is stored',
    document: { languages: ['en', 'uk'] },
    point: 2,
    score: 1,
    says: 'Only the en text is stored; the meaning in uk is unchecked',
  },
  {
    name: 'point 2 rises back to 2 once the Ukrainian text is stored too',
    from: { document: { languages: ['en', 'uk'] } },
    document: { languages: ['en', 'uk'] },
    versions: [buildVersion(), buildVersion({ id: 'final-uk', language: 'uk' })],
    point: 2,
    score: 2,
  },
  {
    name: 'point 3 drops to 1 when the trigger names no actor',
    commitment: { trigger: buildTrigger({ actors: undefined }) },
    point: 3,
    score: 1,
    says: 'not the actors',
  },
  {
    name: 'point 3 drops to 1 when the trigger names no zone or area',
    commitment: { trigger: buildTrigger({ zones: undefined }) },
    point: 3,
    score: 1,
    says: 'the zone or area where it must happen',
  },
  {
    name: 'point 3 rises to 2 when an area in words bounds the place',
    from: { commitment: { trigger: buildTrigger({ zones: undefined }) } },
    commitment: { trigger: buildTrigger({ zones: undefined, area: 'the eastern security zone' }) },
    point: 3,
    score: 2,
  },
  {
    name: 'point 4 drops to 0 when the violating party holds a veto over the determination',
    commitment: {
      trigger: buildTrigger({ determinedBy: { body: 'Joint Commission', vetoHolders: ['PTY'] } }),
    },
    point: 4,
    score: 0,
    says: 'the aggressor can block the determination',
  },
  {
    name: 'point 4 drops to 1 when the obligor alone decides',
    commitment: {
      trigger: buildTrigger({ determinedBy: { body: 'the guarantor', obligorAlone: true } }),
    },
    point: 4,
    score: 1,
  },
  {
    name: 'point 4 stays 2 when only an uninvolved actor holds a veto',
    commitment: {
      trigger: buildTrigger({ determinedBy: { body: 'Panel', vetoHolders: ['GRT'] } }),
    },
    point: 4,
    score: 2,
  },
  {
    name: 'point 5 drops to 1 when the only response is support of unstated kind',
    commitment: { responses: [{ ...buildResponse(), kind: 'support' }] },
    point: 5,
    score: 1,
  },
  {
    name: 'point 5 drops to 0 when the response is only consultation',
    from: { commitment: { responses: [{ kind: 'air_defence' }] } },
    commitment: { responses: [{ kind: 'consultation' }] },
    point: 5,
    score: 0,
    says: 'processes only: consultation',
  },
  {
    name: 'point 5 stays 2 when an action is named, and lists "consult" in the text as evidence',
    commitment: {
      text: 'GRT shall consult PTY and shall deploy two air defence batteries within 72 hours.',
    },
    point: 5,
    score: 2,
    says: 'The text says "consult"',
  },
  {
    name: 'point 6 drops to 1 when the obligation is "should"',
    commitment: { strength: 'should' },
    point: 6,
    score: 1,
  },
  {
    name: 'point 6 drops to 0 when the obligation is only a policy',
    commitment: { strength: 'policy' },
    point: 6,
    score: 0,
  },
  {
    name: 'point 6 drops to 1 when a qualifier is recorded',
    commitment: { qualifiers: ['where possible'] },
    point: 6,
    score: 1,
    says: 'qualified by "where possible"',
  },
  {
    name: 'point 6 drops to 1 when the text hedges a binding verb with "as it deems necessary"',
    commitment: {
      text: 'GRT shall deploy two air defence batteries to the security zone as it deems necessary.',
    },
    point: 6,
    score: 1,
  },
  {
    name: 'point 7 drops to 1 when the deadline binds only a meeting',
    commitment: { deadline: { duration: 'PT24H', binds: 'meeting' } },
    point: 7,
    score: 1,
    says: 'Add a deadline for the response, not only for consultation',
  },
  {
    name: 'point 7 drops to 0 without a deadline, quoting "promptly"',
    commitment: {
      deadline: undefined,
      text: 'GRT shall promptly deploy two air defence batteries to the security zone.',
    },
    point: 7,
    score: 0,
    says: 'the text says only "promptly"',
  },
  {
    name: 'point 8 drops to 1 when the money needs a later appropriation',
    commitment: { responses: [{ ...buildResponse(), appropriation: 'required' }] },
    point: 8,
    score: 1,
    says: 'budget vote',
  },
  {
    name: 'point 8 drops to 1 when an amount has neither period nor secured funds',
    commitment: {
      responses: [{ kind: 'air_defence', quantity: { amount: 2, unit: 'batteries' } }],
    },
    point: 8,
    score: 1,
  },
  {
    name: 'point 8 drops to 0 when no amount is stated',
    commitment: { responses: [{ kind: 'air_defence', period: 'P2Y' }] },
    point: 8,
    score: 0,
  },
  {
    name: 'point 9 drops to 1 when it is indefinite with no notice of termination',
    commitment: { validity: { indefinite: true } },
    point: 9,
    score: 1,
  },
  {
    name: 'point 9 rises to 2 for an indefinite commitment with six months of notice',
    from: { commitment: { validity: { indefinite: true } } },
    commitment: { validity: { indefinite: true, terminationNotice: 'P6M' } },
    point: 9,
    score: 2,
  },
  {
    name: 'point 9 drops to 0 without any validity',
    commitment: { validity: undefined },
    point: 9,
    score: 0,
  },
  {
    name: 'point 10 drops to 1 with one pending precondition, and names it',
    commitment: { preconditions: [{ text: 'a ceasefire enters into force', status: 'pending' }] },
    point: 10,
    score: 1,
    says: '"a ceasefire enters into force" (pending)',
  },
  {
    name: 'point 10 drops to 0 with a failed precondition',
    commitment: { preconditions: [{ text: 'a peace agreement is signed', status: 'failed' }] },
    point: 10,
    score: 0,
  },
  {
    name: 'point 10 drops to 0 with two pending preconditions',
    commitment: {
      preconditions: [
        { text: 'a ceasefire enters into force', status: 'pending' },
        { text: 'a peace agreement is signed', status: 'pending' },
      ],
    },
    point: 10,
    score: 0,
  },
  {
    name: 'point 11 drops to 0 when the clause is only in the draft and the final text cut it',
    commitment: { versions: ['draft-en'] },
    versions: [buildVersion({ id: 'draft-en', kind: 'draft' }), buildVersion()],
    point: 11,
    score: 0,
    says: 'the final text (final-en) cut it',
  },
  {
    name: 'point 11 drops to 0 when the obligor is not among the roles',
    commitment: { obligor: 'XYZ' },
    point: 11,
    score: 0,
  },
  {
    name: 'point 11 drops to 1 when the obligor only initialled, as a witness',
    document: {
      roles: [
        { actor: 'PTY', role: 'party', signature: 'signed' },
        { actor: 'WIT', role: 'witness', signature: 'initialled' },
      ],
    },
    commitment: { obligor: 'WIT' },
    from: {
      document: {
        roles: [
          { actor: 'PTY', role: 'party', signature: 'signed' },
          { actor: 'WIT', role: 'witness', signature: 'signed' },
        ],
      },
      commitment: { obligor: 'WIT' },
    },
    point: 11,
    score: 1,
  },
  {
    name: 'point 12 drops to 1 when the backing is only planned',
    commitment: { backing: { level: 'planned' } },
    point: 12,
    score: 1,
  },
  {
    name: 'point 12 drops to 0 without backing',
    commitment: { backing: undefined },
    point: 12,
    score: 0,
  },
  {
    name: 'point 13 drops to 1 when the trigger names no mechanism',
    commitment: { trigger: buildTrigger({ mechanism: undefined }) },
    point: 13,
    score: 1,
  },
  {
    name: 'point 13 drops to 0 when the trigger names neither mechanism nor evidence level',
    commitment: { trigger: buildTrigger({ mechanism: undefined, minVerification: undefined }) },
    point: 13,
    score: 0,
  },
];

describe('each point flips on its own field', () => {
  it.each(FLIPS)('$name', ({ from = {}, point, score: expected, says, ...change }) => {
    const before = scoreCase(from);
    const after = scoreCase({
      ...from,
      ...change,
      commitment: { ...from.commitment, ...change.commitment },
      document: { ...from.document, ...change.document },
    });
    const delta = expected - (pointOf(before, point)?.score ?? 0);
    expect(pointOf(after, point)?.score).toBe(expected);
    expect(after.total - before.total).toBe(delta);
    for (const other of after.points.filter((p) => p.point !== point))
      expect(other.score, `point ${other.point} must not move`).toBe(
        pointOf(before, other.point)?.score,
      );
    if (says) {
      const p = pointOf(after, point);
      expect(`${p?.reason} ${p?.raise ?? ''}`).toContain(says);
    }
  });

  it('moves every one of the 13 points in at least one case', () => {
    const moved = FLIPS.filter((f) => pointOf(scoreCase(f.from), f.point)?.score !== f.score);
    expect(new Set(moved.map((f) => f.point))).toEqual(new Set(CHECKLIST.map((c) => c.point)));
  });
});
