import { describe, expect, it } from 'vitest';
import type { Commitment, Trigger } from '../agreements/file-schema.js';
import type { StoredZone } from '../agreements/stored.js';
import {
  INCIDENT_TYPES,
  SEVERITIES,
  TRIGGER_EVENT_TYPES,
  VERIFICATION_LEVELS,
} from '../agreements/vocabulary.js';
import type { IncidentFacts } from './model.js';
import { VERIFICATION_STATUSES } from './model.js';
import { CommitmentIndex, evaluateCommitment } from './trigger.js';
import { seeded } from '../../../test/support/seeded.js';
import {
  buildCommitment,
  buildFinding,
  buildIncident,
  commitmentById,
  evaluate,
  LINE,
  loadCommitments,
  onlyUnmet,
  ZONES,
} from '../../../test/support/trigger-cases.js';

describe('evaluateCommitment on the scenarios', () => {
  const paris = commitmentById(
    loadCommitments('ukraine-guarantees-2026/paris-declaration-2026.yaml'),
    'fra-multinational-force',
  );
  const budapest = commitmentById(
    loadCommitments('minsk-2015/budapest-memorandum-1994.yaml'),
    'usa-security-council',
  );

  it('leaves the Paris declaration open: ceasefire pending, commission to determine', () => {
    const evaluation = evaluate({ commitment: paris, zones: [] });
    expect(evaluation.result).toBe('indeterminate');
    expect(evaluation.unmet).toEqual([
      {
        condition: 'precondition',
        outcome: 'undecided',
        reason:
          'it is not yet established that the precondition "A ceasefire enters into force." holds',
      },
      {
        condition: 'determination',
        outcome: 'undecided',
        reason:
          "the trigger is for The commission foreseen by the declaration to determine; Truce's finding does not replace that determination",
      },
    ]);
    expect(evaluation.met).toContain(
      'the area "Ukraine" is not drawn as a zone, so Truce cannot check it',
    );
  });

  it('does not fire the Paris declaration for a violation by another actor, or below verified', () => {
    const byUkraine = evaluate({
      commitment: paris,
      zones: [],
      incident: { attribution: { declined: false, actor: 'UKR', confidence: 'high' } },
    });
    expect(byUkraine.result).toBe('not_triggered');
    expect(byUkraine.unmet.map((unmet) => unmet.condition)).toContain('actor');
    const corroborated = evaluate({
      commitment: paris,
      zones: [],
      incident: { verification: 'corroborated' },
    });
    expect(corroborated.result).toBe('not_triggered');
    expect(corroborated.unmet.map((unmet) => unmet.reason)).toContain(
      'the incident is "corroborated", below the "verified" level the trigger requires',
    );
  });

  it('does not fire Budapest for shelling: only aggression with nuclear weapons', () => {
    const evaluation = evaluate({ commitment: budapest, zones: [] });
    expect(evaluation.result).toBe('not_triggered');
    expect(evaluation.unmet[0]).toMatchObject({ condition: 'event_type', outcome: 'failed' });
  });

  it('leaves Budapest to the Security Council, where the aggressor holds a veto', () => {
    const evaluation = evaluate({
      commitment: budapest,
      zones: [],
      incident: { type: 'nuclear_weapon_use' },
    });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'determination',
      outcome: 'undecided',
      reason:
        "the trigger is for UN Security Council to determine, and any of USA, GBR, RUS, FRA, CHN can block it; Truce's finding does not replace that determination",
    });
  });
});

describe('CommitmentIndex', () => {
  it('evaluates only commitments whose trigger could match the type, in the order given', () => {
    const entries = [
      { key: 'shelling', commitment: buildCommitment({}, { eventTypes: ['shelling'] }) },
      { key: 'no-trigger', commitment: buildCommitment({ trigger: undefined }) },
      { key: 'obstruction', commitment: buildCommitment({}, { eventTypes: ['obstruction'] }) },
      { key: 'any-type', commitment: buildCommitment({}, { eventTypes: undefined }) },
      { key: 'kinetic', commitment: buildCommitment({}, { eventTypes: ['kinetic_remote'] }) },
    ].map((entry) => ({ ...entry, documentId: 'doc', documentZones: ZONES }));
    const index = new CommitmentIndex(entries);
    const keys = (type: string) =>
      index.evaluate(buildIncident({ type }), buildFinding()).map((result) => result.key);
    expect(keys('shelling')).toEqual(['shelling', 'any-type', 'kinetic']);
    expect(keys('uav_jamming')).toEqual(['obstruction', 'any-type']);
    expect(keys('kinetic_remote')).toEqual(['any-type']);
    expect(index.evaluate(buildIncident(), buildFinding())[0]?.evaluation.result).toBe('triggered');
  });

  it('gives the same evaluations as evaluateCommitment on a random set', () => {
    const random = seeded(7);
    const zones = randomZones(random);
    const entries = Array.from({ length: 400 }, (_, i) => ({
      key: `c${i}`,
      documentId: `doc-${i % 20}`,
      commitment: randomCommitment(random, i),
      documentZones: zones,
    }));
    const index = new CommitmentIndex(entries);
    const results = new Set<string>();
    for (let n = 0; n < 60; n += 1) {
      const incident = randomIncident(random, n);
      const finding = buildFinding({ severity: pick(random, SEVERITIES) });
      const fast = new Map(index.evaluate(incident, finding).map((r) => [r.key, r.evaluation]));
      for (const entry of entries) {
        const slow = evaluateCommitment({ ...entry, incident, finding });
        results.add(slow.result);
        if (fast.has(entry.key)) expect(fast.get(entry.key)).toEqual(slow);
        else expect(slow.result).toBe('not_triggered');
      }
    }
    // The random set reaches every answer, so the comparison covers them all.
    expect([...results].sort()).toEqual(['indeterminate', 'not_triggered', 'triggered']);
  });

  it('decides as evaluateCommitment does, and explains exactly what it is asked to', () => {
    const random = seeded(11);
    const zones = randomZones(random);
    const entries = Array.from({ length: 400 }, (_, i) => ({
      key: `c${i}`,
      documentId: `doc-${i % 20}`,
      commitment: randomCommitment(random, i),
      documentZones: zones,
    }));
    const index = new CommitmentIndex(entries);
    const explained = { default: 0, odd: 0, unexplained: 0 };
    for (let n = 0; n < 60; n += 1) {
      const incident = randomIncident(random, n);
      const finding = buildFinding({ severity: pick(random, SEVERITIES) });
      const byKey = new Map(entries.map((entry) => [entry.key, entry]));
      for (const decision of index.decide(incident, finding)) {
        const slow = evaluateCommitment({
          ...(byKey.get(decision.key) as (typeof entries)[0]),
          incident,
          finding,
        });
        expect(decision.result).toBe(slow.result);
        if (slow.result === 'not_triggered') {
          expect(decision.evaluation).toBeUndefined();
          explained.unexplained += 1;
        } else {
          expect(decision.evaluation).toEqual(slow);
          explained.default += 1;
        }
      }
      const odd = (key: string) => Number(key.slice(1)) % 2 === 1;
      for (const decision of index.decide(incident, finding, (key) => odd(key))) {
        expect(decision.evaluation !== undefined).toBe(odd(decision.key));
        if (decision.evaluation) explained.odd += 1;
      }
    }
    expect(explained.default).toBeGreaterThan(0);
    expect(explained.odd).toBeGreaterThan(0);
    expect(explained.unexplained).toBeGreaterThan(0);
  });
});

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomZones(random: () => number): StoredZone[] {
  const squares = Array.from({ length: 4 }, (_, i): StoredZone => {
    const lon = 30 + random() * 0.2;
    const lat = 50 + random() * 0.2;
    const size = 0.01 + random() * 0.05;
    return {
      id: `zone-${i}`,
      kind: 'security_zone',
      name: `Zone ${i}`,
      ...(i === 3 ? { validFrom: '2026-06-01', validTo: '2026-06-30' } : {}),
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + size, lat],
            [lon + size, lat + size],
            [lon, lat + size],
            [lon, lat],
          ],
        ],
      },
    };
  });
  return [...squares, LINE];
}

function randomCommitment(random: () => number, i: number): Commitment {
  if (random() < 0.05) return buildCommitment({ id: `c${i}`, trigger: undefined });
  const trigger: Trigger = {
    ...(random() < 0.8
      ? { eventTypes: [pick(random, TRIGGER_EVENT_TYPES), pick(random, TRIGGER_EVENT_TYPES)] }
      : {}),
    ...(random() < 0.6 ? { actors: random() < 0.5 ? ['RUS'] : ['RUS', 'BLR'] } : {}),
    ...(random() < 0.5
      ? {
          zones:
            random() < 0.1 ? ['missing'] : [`zone-${Math.floor(random() * 4)}`, 'contact-line'],
        }
      : random() < 0.5
        ? { area: 'Ukraine' }
        : {}),
    ...(random() < 0.5 ? { minSeverity: pick(random, SEVERITIES) } : {}),
    ...(random() < 0.5 ? { minVerification: pick(random, VERIFICATION_LEVELS) } : {}),
    ...(random() < 0.15 ? { determinedBy: { body: 'A commission', vetoHolders: ['RUS'] } } : {}),
  };
  const validity = pick(random, [
    undefined,
    { start: '2026-03-01', end: '2026-09-30' },
    { start: '2026-06-15T12:00:00Z', duration: 'P3M' },
    { untilEvent: 'NATO accession' },
    { duration: 'P15Y' },
  ]);
  const preconditions = pick(random, [
    undefined,
    [{ text: 'A ceasefire enters into force.', status: 'met' as const }],
    [{ text: 'A peace agreement is signed.', status: 'pending' as const }],
    [{ text: 'The force is deployed.', status: 'failed' as const }],
  ]);
  return {
    id: `c${i}`,
    obligor: 'GRT',
    text: 'A random commitment.',
    strength: 'shall',
    trigger,
    ...(validity ? { validity } : {}),
    ...(preconditions ? { preconditions } : {}),
  };
}

function randomIncident(random: () => number, n: number): IncidentFacts {
  // A third of the windows begin within a day of a validity edge, so that some straddle it.
  const edge = pick(random, [
    '2026-03-01T00:00:00Z',
    '2026-06-15T12:00:00Z',
    '2026-10-01T00:00:00Z',
  ]);
  const from =
    random() < 0.35
      ? Date.parse(edge) - Math.floor(random() * 24) * 3_600_000
      : Date.parse('2026-02-01T00:00:00Z') + Math.floor(random() * 300 * 24) * 3_600_000;
  const to = from + Math.floor(random() * 48) * 3_600_000;
  const verification = pick(random, VERIFICATION_STATUSES);
  const attribution = pick(random, [
    undefined,
    { declined: true as const, reason: 'no evidence' },
    { declined: false as const, actor: 'RUS', confidence: 'high' as const },
    { declined: false as const, actor: 'UKR', confidence: 'low' as const },
  ]);
  return {
    id: `incident-${n}`,
    // Mostly kinetic types, so that many commitments match and some trigger.
    type:
      random() < 0.7
        ? pick(random, ['shelling', 'drone_strike', 'armed_clash'])
        : pick(random, INCIDENT_TYPES),
    observedFrom: new Date(from).toISOString(),
    observedTo: new Date(to).toISOString(),
    location:
      random() < 0.1
        ? null
        : {
            lon: 30 + random() * 0.25,
            lat: 50 + random() * 0.25,
            radiusM: pick(random, [10, 100, 1000, 5000]),
          },
    verification,
    ...(attribution ? { attribution } : {}),
  };
}
