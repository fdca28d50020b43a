import { describe, expect, it } from 'vitest';
import {
  buildCommitment,
  buildDocument,
  buildVersion,
  pointOf,
  scoreCase,
} from '../../../test/support/commitment-factories.js';
import { CHECKLIST, gradeFor, scoreCommitment, type Scorecard } from './concreteness.js';

describe('scoreCommitment on reference commitments', () => {
  // Paraphrases in our own words of the shapes DOMAIN.md describes, not treaty text.
  const article5Style = scoreCommitment(
    buildCommitment({
      obligor: 'USA',
      beneficiary: undefined,
      text: 'Each member shall treat an armed attack on any member within the treaty area as an attack on all, and shall take at once, alone and with the others, such action as it deems necessary, armed force included, to restore security in the area.',
      qualifiers: ['as it deems necessary'],
      trigger: {
        eventTypes: ['kinetic_direct', 'kinetic_remote'],
        area: 'the territory of any member in the treaty area',
        determinedBy: { body: 'each member for itself', obligorAlone: true },
      },
      responses: [{ kind: 'use_of_force', description: 'action it deems necessary' }],
      deadline: undefined,
      validity: { indefinite: true, terminationNotice: 'P1Y' },
      backing: { level: 'in_place', description: 'integrated command and forward forces' },
    }),
    {
      document: buildDocument({
        languages: ['en', 'fr'],
        roles: [
          { actor: 'USA', role: 'party', signature: 'signed' },
          { actor: 'FRA', role: 'party', signature: 'signed' },
          { actor: 'GBR', role: 'party', signature: 'signed' },
        ],
      }),
      versions: [buildVersion(), buildVersion({ id: 'final-fr', language: 'fr' })],
    },
  );

  const budapestStyle = scoreCommitment(
    buildCommitment({
      obligor: 'USA',
      beneficiary: 'UKR',
      text: 'The signatories confirm their commitment to seek immediate Security Council action to help the non-nuclear state if it becomes the victim of aggression with nuclear weapons, and will consult one another if questions arise about these commitments.',
      strength: 'will',
      trigger: {
        eventTypes: ['nuclear_weapon_use'],
        determinedBy: {
          body: 'UN Security Council',
          actor: 'UNSC',
          vetoHolders: ['USA', 'GBR', 'RUS', 'FRA', 'CHN'],
        },
      },
      responses: [{ kind: 'security_council_referral' }, { kind: 'consultation' }],
      deadline: undefined,
      validity: undefined,
      backing: undefined,
      preconditions: [
        { text: 'the beneficiary joins the NPT as a non-nuclear-weapon state', status: 'met' },
      ],
      termDivergences: [
        {
          term: 'assurances',
          languages: ['en', 'uk'],
          note: 'the Ukrainian and Russian texts say "guarantees"',
        },
      ],
    }),
    {
      document: buildDocument({
        legalForm: 'political_commitment',
        kind: 'memorandum',
        languages: ['en', 'uk', 'ru'],
        roles: [
          { actor: 'UKR', role: 'beneficiary', signature: 'signed' },
          { actor: 'USA', role: 'guarantor', signature: 'signed' },
          { actor: 'GBR', role: 'guarantor', signature: 'signed' },
          { actor: 'RUS', role: 'guarantor', signature: 'signed' },
        ],
      }),
      versions: [buildVersion()],
    },
  );

  const considerSupport = scoreCommitment(
    {
      id: 'vague',
      obligor: 'GRT',
      text: 'will consider appropriate support',
      strength: 'consider',
      responses: [{ kind: 'support' }],
    },
    {
      document: buildDocument({
        legalForm: 'political_commitment',
        kind: 'declaration_of_intent',
        roles: [{ actor: 'GRT', role: 'guarantor' }],
      }),
      versions: [],
    },
  );

  const scores = (card: Scorecard) => card.points.map((p) => p.score);

  it('scores an Article 5 style guarantee 17 (B): binding and bounded, but self-judged and without deadline', () => {
    expect(scores(article5Style)).toEqual([2, 2, 1, 1, 2, 1, 0, 0, 2, 2, 2, 2, 0]);
    expect(article5Style.total).toBe(17);
    expect(article5Style.grade).toBe('B');
    expect(pointOf(article5Style, 6)?.hedges.map((h) => h.phrase)).toEqual([
      'as it deems necessary',
    ]);
  });

  it('scores a Budapest style assurance 7 (D): a process under the aggressor’s veto', () => {
    expect(scores(budapestStyle)).toEqual([0, 0, 1, 0, 0, 2, 0, 0, 0, 2, 2, 0, 0]);
    expect(budapestStyle.total).toBe(7);
    expect(budapestStyle.grade).toBe('D');
    expect(pointOf(budapestStyle, 4)?.reason).toContain(
      'the aggressor can block the determination',
    );
    expect(pointOf(budapestStyle, 5)?.hedges.map((h) => h.phrase)).toEqual(['seek', 'consult']);
    expect(pointOf(budapestStyle, 2)?.reason).toContain('"assurances"');
  });

  it('scores "will consider appropriate support" 5 (E): almost nothing is concrete', () => {
    expect(scores(considerSupport)).toEqual([0, 2, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0]);
    expect(considerSupport.total).toBe(5);
    expect(considerSupport.grade).toBe('E');
    expect(pointOf(considerSupport, 5)?.hedges.map((h) => h.phrase)).toEqual([
      'appropriate support',
    ]);
    expect(pointOf(considerSupport, 6)?.hedges.map((h) => h.phrase)).toEqual(['consider']);
  });

  it('ranks Article 5 style above Budapest style above "consider appropriate support"', () => {
    expect(article5Style.total).toBeGreaterThan(budapestStyle.total);
    expect(budapestStyle.total).toBeGreaterThan(considerSupport.total);
  });
});

describe('scoreCommitment on the concrete baseline', () => {
  it('gives the baseline 2 on every point, 26 and grade A, with no raise anywhere', () => {
    const card = scoreCase();
    expect(card.points.map((p) => p.score)).toEqual(Array(13).fill(2));
    expect(card).toMatchObject({ total: 26, max: 26, grade: 'A' });
    expect(card.points.every((p) => p.raise === null && p.hedges.length === 0)).toBe(true);
  });

  it('returns the 13 points in checklist order, and a raise exactly where the score is below 2', () => {
    const card = scoreCase({ commitment: { deadline: undefined, backing: { level: 'planned' } } });
    expect(card.points.map((p) => [p.point, p.key])).toEqual(
      CHECKLIST.map((c) => [c.point, c.key]),
    );
    expect(card.total).toBe(card.points.reduce((sum, p) => sum + p.score, 0));
    for (const p of card.points) expect(p.raise === null).toBe(p.score === 2);
  });
});

describe('gradeFor', () => {
  it('maps totals to bands A 22+, B 17+, C 12+, D 7+, E below', () => {
    expect([26, 22, 21, 17, 16, 12, 11, 7, 6, 0].map(gradeFor)).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
      'E',
      'E',
    ]);
  });
});
