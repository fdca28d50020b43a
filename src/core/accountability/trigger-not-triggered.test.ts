import { describe, expect, it } from 'vitest';
import {
  buildCommitment,
  evaluate,
  onlyUnmet,
  SQUARE,
} from '../../../test/support/trigger-cases.js';

describe('evaluateCommitment: not triggered', () => {
  it('is not triggered by a commitment without a trigger', () => {
    const evaluation = evaluate({ commitment: buildCommitment({ trigger: undefined }) });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toMatchObject({
      condition: 'event_type',
      outcome: 'failed',
      reason: expect.stringContaining('names no trigger'),
    });
  });

  it('is not triggered when a precondition failed', () => {
    const commitment = buildCommitment({
      preconditions: [{ text: 'The force is deployed.', status: 'failed' }],
    });
    const evaluation = evaluate({ commitment });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toMatchObject({
      condition: 'precondition',
      outcome: 'failed',
      reason: expect.stringContaining('"The force is deployed." failed'),
    });
  });

  it('is not triggered by an incident over before the start', () => {
    const evaluation = evaluate({
      incident: { observedFrom: '2026-03-01T13:00:00Z', observedTo: '2026-03-01T14:59:59Z' },
    });
    expect(evaluation.result).toBe('not_triggered');
    const unmet = onlyUnmet(evaluation);
    expect(unmet).toMatchObject({ condition: 'validity', outcome: 'failed' });
    expect(unmet?.reason).toContain(
      'ends before the commitment is in force (from 2026-03-01T15:00:00Z)',
    );
  });

  it('is not triggered by an incident that began after the last day in force', () => {
    const evaluation = evaluate({
      incident: { observedFrom: '2027-01-01T00:00:00Z', observedTo: '2027-01-01T01:00:00Z' },
    });
    expect(evaluation.result).toBe('not_triggered');
    const unmet = onlyUnmet(evaluation);
    expect(unmet).toMatchObject({ condition: 'validity', outcome: 'failed' });
    expect(unmet?.reason).toContain(
      "begins after the commitment's validity ended (the end of 2026-12-31 (UTC))",
    );
  });

  it('ends a commitment its duration after a date-only start', () => {
    const commitment = buildCommitment({ validity: { start: '2026-01-01', duration: 'P1M' } });
    const inside = evaluate({
      commitment,
      incident: { observedFrom: '2026-01-31T23:00:00Z', observedTo: '2026-01-31T23:59:59Z' },
    });
    expect(inside.result).toBe('triggered');
    const after = evaluate({
      commitment,
      incident: { observedFrom: '2026-02-01T00:00:00Z', observedTo: '2026-02-01T01:00:00Z' },
    });
    expect(after.result).toBe('not_triggered');
    expect(onlyUnmet(after)?.reason).toContain('2026-02-01T00:00:00.000Z (P1M after the start)');
  });

  it('is not triggered by a type the trigger does not name', () => {
    const evaluation = evaluate({ incident: { type: 'access_denied' } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'event_type',
      outcome: 'failed',
      reason: `the incident's type "access_denied" is not among the trigger's event types (shelling, missile_strike)`,
    });
  });

  it('expands a category to its own types only', () => {
    const commitment = buildCommitment({}, { eventTypes: ['kinetic_remote'] });
    const evaluation = evaluate({ commitment, incident: { type: 'armed_clash' } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)?.condition).toBe('event_type');
  });

  it('does not widen a single type to its category', () => {
    const commitment = buildCommitment({}, { eventTypes: ['shelling'] });
    const evaluation = evaluate({ commitment, incident: { type: 'drone_strike' } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)?.condition).toBe('event_type');
  });

  it('matches nothing with an incident type that is a category name', () => {
    const commitment = buildCommitment({}, { eventTypes: ['kinetic_remote'] });
    const evaluation = evaluate({ commitment, incident: { type: 'kinetic_remote' } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)?.condition).toBe('event_type');
  });

  it('is not triggered below the minimum verification, and names both levels', () => {
    const evaluation = evaluate({ incident: { verification: 'reported' } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'verification',
      outcome: 'failed',
      reason: 'the incident is "reported", below the "corroborated" level the trigger requires',
    });
  });

  it('requires a verified incident when the trigger names no level', () => {
    const commitment = buildCommitment({}, { minVerification: undefined });
    const evaluation = evaluate({ commitment, incident: { verification: 'corroborated' } });
    expect(evaluation.result).toBe('not_triggered');
    const reason = onlyUnmet(evaluation)?.reason;
    expect(reason).toContain('"corroborated", below the "verified" level');
    expect(reason).toContain('when a trigger names none');
  });

  it('is not triggered by a rejected incident, nor by one found not to be a violation', () => {
    for (const verification of ['rejected', 'not_a_violation'] as const) {
      const evaluation = evaluate({ incident: { verification } });
      expect(evaluation.result).toBe('not_triggered');
      expect(onlyUnmet(evaluation)).toMatchObject({ condition: 'verification', outcome: 'failed' });
    }
  });

  it('is not triggered by a finding less severe than the minimum', () => {
    const evaluation = evaluate({ finding: { severity: 'minor' } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'severity',
      outcome: 'failed',
      reason: 'the finding\'s severity "minor" is below the minimum "major" the trigger sets',
    });
  });

  it('is not triggered by an incident attributed to another actor', () => {
    const attribution = { declined: false, actor: 'UKR', confidence: 'moderate' } as const;
    const evaluation = evaluate({ incident: { attribution } });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'actor',
      outcome: 'failed',
      reason:
        'the incident is attributed to UKR (moderate confidence), but the trigger requires a violation by RUS',
    });
  });

  it('is not triggered outside every zone, a line counting as containing nothing', () => {
    const commitment = buildCommitment({}, { zones: ['security-zone', 'contact-line'] });
    // On the line itself, about 700 m east of the square.
    const location = { lon: 30.03, lat: 50.01, radiusM: 100 };
    const evaluation = evaluate({ commitment, incident: { location } });
    expect(evaluation.result).toBe('not_triggered');
    const unmet = onlyUnmet(evaluation);
    expect(unmet).toMatchObject({ condition: 'zone', outcome: 'failed' });
    expect(unmet?.reason).toContain('outside every zone');
    expect(unmet?.reason).toContain('"security-zone" (Security zone)');
    expect(unmet?.reason).toContain(
      '"contact-line" (Contact line) (a line, which contains nothing)',
    );
  });

  it('skips a zone that was not in force at the incident time', () => {
    const expired = { ...SQUARE, validTo: '2026-05-31' };
    const evaluation = evaluate({ zones: [expired] });
    expect(evaluation.result).toBe('not_triggered');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'zone',
      outcome: 'failed',
      reason: `none of the trigger's zones ("security-zone") was in force at the incident's time`,
    });
    // The last day of a date-only validTo is still in force.
    const lastDay = { observedFrom: '2026-05-31T22:00:00Z', observedTo: '2026-05-31T23:00:00Z' };
    expect(evaluate({ zones: [expired], incident: lastDay }).result).toBe('triggered');
  });

  it('checks every condition instead of stopping at the first that fails', () => {
    const evaluation = evaluate({
      commitment: buildCommitment({
        preconditions: [{ text: 'A ceasefire enters into force.', status: 'pending' }],
      }),
      incident: {
        type: 'access_denied',
        verification: 'rejected',
        location: { lon: 31, lat: 51, radiusM: 1000 },
        attribution: undefined,
      },
      finding: { severity: 'minor' },
    });
    expect(evaluation.result).toBe('not_triggered');
    expect(evaluation.unmet.map(({ condition, outcome }) => `${condition} ${outcome}`)).toEqual([
      'precondition undecided',
      'event_type failed',
      'verification failed',
      'severity failed',
      'actor undecided',
      'zone failed',
    ]);
    expect(evaluation.met).toHaveLength(2); // validity and determination
  });
});
