import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Commitment, Trigger } from '../agreements/file-schema.js';
import { parseAgreementText } from '../agreements/parse-file.js';
import type { StoredZone } from '../agreements/stored.js';
import {
  INCIDENT_TYPES,
  SEVERITIES,
  TRIGGER_EVENT_TYPES,
  VERIFICATION_LEVELS,
} from '../agreements/vocabulary.js';
import { relateToZone } from '../geo/relate.js';
import type { FindingFacts, IncidentFacts, TriggerEvaluation } from './model.js';
import { VERIFICATION_STATUSES } from './model.js';
import { CommitmentIndex, evaluateCommitment } from './trigger.js';
import { withOverrides, type Overrides } from '../../../test/support/commitment-factories.js';
import { seeded } from '../../../test/support/seeded.js';

// A square of about 1.4 by 2.2 km from (30.00, 50.00) to (30.02, 50.02), and a line east of it.
const SQUARE: StoredZone = {
  id: 'security-zone',
  kind: 'security_zone',
  name: 'Security zone',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [30, 50],
        [30.02, 50],
        [30.02, 50.02],
        [30, 50.02],
        [30, 50],
      ],
    ],
  },
};
const LINE: StoredZone = {
  id: 'contact-line',
  kind: 'line_of_contact',
  name: 'Contact line',
  geometry: {
    type: 'LineString',
    coordinates: [
      [30.03, 50],
      [30.03, 50.02],
    ],
  },
};
const ZONES = [SQUARE, LINE];

/** 50 m east of the square's west edge, on its middle latitude (a degree of longitude at 50.01° N is about 71,470 m). */
const FIFTY_M_INSIDE = { lon: 30 + 50 / 71_470, lat: 50.01 };

/**
 * A guarantee every condition of which the default incident and finding meet. Overrides of the
 * commitment and of its trigger set to `undefined` remove the field.
 */
function buildCommitment(
  overrides: Overrides<Commitment> = {},
  trigger: Overrides<Trigger> = {},
): Commitment {
  const base: Commitment = {
    id: 'guarantee',
    obligor: 'GRT',
    beneficiary: 'UKR',
    text: 'GRT shall deploy air defence if Russia shells or strikes the security zone.',
    strength: 'shall',
    trigger: withOverrides<Trigger>(
      {
        eventTypes: ['shelling', 'missile_strike'],
        actors: ['RUS'],
        zones: ['security-zone'],
        minSeverity: 'major',
        minVerification: 'corroborated',
      },
      trigger,
    ),
    validity: { start: '2026-03-01T15:00:00Z', end: '2026-12-31' },
    preconditions: [{ text: 'A ceasefire enters into force.', status: 'met' }],
  };
  return withOverrides(base, overrides);
}

function buildIncident(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    id: 'incident-1',
    type: 'shelling',
    observedFrom: '2026-06-01T10:00:00Z',
    observedTo: '2026-06-01T11:00:00Z',
    location: { lon: 30.01, lat: 50.01, radiusM: 100 },
    verification: 'verified',
    attribution: { declined: false, actor: 'RUS', confidence: 'high' },
    ...overrides,
  };
}

function buildFinding(overrides: Partial<FindingFacts> = {}): FindingFacts {
  return {
    id: 'finding-1',
    incidentId: 'incident-1',
    documentId: 'ceasefire',
    provisionId: 'article-1',
    severity: 'grave',
    ...overrides,
  };
}

function evaluate(
  options: {
    commitment?: Commitment;
    incident?: Partial<IncidentFacts>;
    finding?: Partial<FindingFacts>;
    zones?: readonly StoredZone[];
  } = {},
): TriggerEvaluation {
  return evaluateCommitment({
    commitment: options.commitment ?? buildCommitment(),
    documentZones: options.zones ?? ZONES,
    incident: buildIncident(options.incident),
    finding: buildFinding(options.finding),
  });
}

/** The only unmet condition; fails the test when there is not exactly one. */
function onlyUnmet(evaluation: TriggerEvaluation) {
  expect(evaluation.unmet).toHaveLength(1);
  return evaluation.unmet[0];
}

function loadCommitments(path: string): Commitment[] {
  const text = readFileSync(new URL(`../../../scenarios/${path}`, import.meta.url), 'utf8');
  const parsed = parseAgreementText(text, 'yaml');
  expect(parsed.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return parsed.file?.commitments ?? [];
}

function commitmentById(commitments: Commitment[], id: string): Commitment {
  const found = commitments.find((commitment) => commitment.id === id);
  if (found === undefined) throw new Error(`no commitment ${id}`);
  return found;
}

describe('evaluateCommitment: triggered', () => {
  it('is triggered when every condition is met, and says why for each', () => {
    const evaluation = evaluate();
    expect(evaluation.result).toBe('triggered');
    expect(evaluation.unmet).toEqual([]);
    expect(evaluation.met).toEqual([
      'the precondition "A ceasefire enters into force." holds',
      "the incident's window lies within the commitment's validity: in force from 2026-03-01T15:00:00Z to the end of 2026-12-31 (UTC)",
      `the incident's type "shelling" is one the trigger names`,
      'the incident is "verified", at least the "corroborated" level the trigger requires',
      'the finding\'s severity "grave" meets the minimum "major"',
      'the incident is attributed to RUS (high confidence), an actor the trigger names',
      'the incident lies inside zone "security-zone" (Security zone), its whole precision circle included',
      'the trigger names nobody who must determine that it fired',
    ]);
  });

  it('is triggered by any type of a category the trigger names', () => {
    const commitment = buildCommitment({}, { eventTypes: ['kinetic_remote'] });
    const evaluation = evaluate({ commitment, incident: { type: 'drone_strike' } });
    expect(evaluation.result).toBe('triggered');
    expect(evaluation.met).toContain(`the incident's type "drone_strike" is one the trigger names`);
  });

  it('counts a date-only end as the whole of its last day', () => {
    const evaluation = evaluate({
      incident: { observedFrom: '2026-12-31T22:00:00Z', observedTo: '2026-12-31T23:30:00Z' },
    });
    expect(evaluation.result).toBe('triggered');
  });

  it('meets open conditions with sentences that say they are open', () => {
    const commitment = buildCommitment(
      { validity: { untilEvent: 'NATO accession' }, preconditions: undefined },
      { actors: undefined, zones: undefined, area: 'Ukraine', minSeverity: undefined },
    );
    const evaluation = evaluate({
      commitment,
      incident: { attribution: undefined, location: null },
    });
    expect(evaluation.result).toBe('triggered');
    expect(evaluation.met).toEqual(
      expect.arrayContaining([
        'the commitment has no preconditions',
        expect.stringContaining('in force until NATO accession, which Truce does not track'),
        'the trigger sets no minimum severity',
        'the trigger names no actor: a violation by any actor counts',
        'the area "Ukraine" is not drawn as a zone, so Truce cannot check it',
      ]),
    );
  });

  it('says there are no validity limits when the commitment has none', () => {
    const evaluation = evaluate({ commitment: buildCommitment({ validity: undefined }) });
    expect(evaluation.result).toBe('triggered');
    expect(evaluation.met).toContain('the commitment has no validity limits');
  });
});

describe('evaluateCommitment: indeterminate, one test per reason', () => {
  it('cannot tell while a precondition is pending, and quotes it', () => {
    const commitment = buildCommitment({
      preconditions: [{ text: 'A peace agreement is signed.', status: 'pending' }],
    });
    const evaluation = evaluate({ commitment });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'precondition',
      outcome: 'undecided',
      reason:
        'it is not yet established that the precondition "A peace agreement is signed." holds',
    });
  });

  it('cannot tell when the window straddles the start, and gives both times', () => {
    const evaluation = evaluate({
      incident: { observedFrom: '2026-03-01T14:00:00Z', observedTo: '2026-03-01T16:00:00Z' },
    });
    expect(evaluation.result).toBe('indeterminate');
    const unmet = onlyUnmet(evaluation);
    expect(unmet?.condition).toBe('validity');
    expect(unmet?.outcome).toBe('undecided');
    expect(unmet?.reason).toBe(
      "the incident's window, from 2026-03-01T14:00:00Z to 2026-03-01T16:00:00Z, straddles the start of the commitment's validity (2026-03-01T15:00:00Z), so Truce cannot tell whether the incident happened while it was in force",
    );
  });

  it('cannot tell when the window straddles the end of the last day in force', () => {
    const evaluation = evaluate({
      incident: { observedFrom: '2026-12-31T23:00:00Z', observedTo: '2027-01-01T01:00:00Z' },
    });
    expect(evaluation.result).toBe('indeterminate');
    const unmet = onlyUnmet(evaluation);
    expect(unmet?.condition).toBe('validity');
    expect(unmet?.reason).toContain('2026-12-31T23:00:00Z to 2027-01-01T01:00:00Z');
    expect(unmet?.reason).toContain('straddles the end');
    expect(unmet?.reason).toContain('the end of 2026-12-31 (UTC)');
  });

  it('cannot tell before the incident is attributed', () => {
    const evaluation = evaluate({ incident: { attribution: undefined } });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'actor',
      outcome: 'undecided',
      reason: 'the incident is not attributed yet; the trigger requires a violation by RUS',
    });
  });

  it('cannot tell when attribution was declined, and quotes the reason', () => {
    const attribution = { declined: true, reason: 'the mission does not adjudicate' } as const;
    const evaluation = evaluate({ incident: { attribution } });
    expect(evaluation.result).toBe('indeterminate');
    const unmet = onlyUnmet(evaluation);
    expect(unmet?.condition).toBe('actor');
    expect(unmet?.outcome).toBe('undecided');
    expect(unmet?.reason).toContain('declined ("the mission does not adjudicate")');
  });

  it('cannot tell when verification was prevented', () => {
    const evaluation = evaluate({ incident: { verification: 'unverifiable' } });
    expect(evaluation.result).toBe('indeterminate');
    const unmet = onlyUnmet(evaluation);
    expect(unmet?.condition).toBe('verification');
    expect(unmet?.outcome).toBe('undecided');
    expect(unmet?.reason).toContain('verification was prevented');
  });

  it('cannot tell when the precision radius crosses the zone boundary', () => {
    const location = { ...FIFTY_M_INSIDE, radiusM: 200 };
    const evaluation = evaluate({ incident: { location } });
    expect(evaluation.result).toBe('indeterminate');
    const unmet = onlyUnmet(evaluation);
    expect(unmet?.condition).toBe('zone');
    expect(unmet?.outcome).toBe('undecided');
    expect(unmet?.reason).toMatch(
      /^the precision radius of 200 m crosses the boundary of zone "security-zone" \(Security zone\): the incident's point is (49|50|51) m from it$/,
    );
  });

  it('is met, not undecided, when the same point is precise enough', () => {
    const location = { ...FIFTY_M_INSIDE, radiusM: 10 };
    expect(evaluate({ incident: { location } }).result).toBe('triggered');
  });

  it('cannot tell either when the point is just outside and its radius reaches in', () => {
    const location = { lon: 30 - 50 / 71_470, lat: 50.01, radiusM: 200 };
    const evaluation = evaluate({ incident: { location } });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)?.reason).toContain('radius of 200 m crosses the boundary');
  });

  it('agrees with relateToZone near and far from the zone, whatever the radius', () => {
    const outcome = { inside: 'met', outside: 'failed', indeterminate: 'undecided' } as const;
    for (let lon = 29.6; lon <= 30.42; lon += 0.0021) {
      for (const radiusM of [10, 300, 2000, 20_000]) {
        const location = { lon, lat: 50.013, radiusM };
        const expected = outcome[relateToZone(location, SQUARE.geometry).relation as 'inside'];
        const evaluation = evaluate({ incident: { location } });
        const zone = evaluation.unmet.find((unmet) => unmet.condition === 'zone');
        expect(zone?.outcome ?? 'met').toBe(expected);
      }
    }
  });

  it('cannot tell where an incident without a location happened', () => {
    const evaluation = evaluate({ incident: { location: null } });
    expect(evaluation.result).toBe('indeterminate');
    const unmet = onlyUnmet(evaluation);
    expect(unmet?.condition).toBe('location');
    expect(unmet?.outcome).toBe('undecided');
    expect(unmet?.reason).toContain('no location');
    expect(unmet?.reason).toContain('"security-zone"');
  });

  it('cannot tell for a zone the document does not define, and names it', () => {
    const commitment = buildCommitment({}, { zones: ['buffer-north'] });
    const evaluation = evaluate({ commitment });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'zone',
      outcome: 'undecided',
      reason: 'the trigger names zone "buffer-north", which its document does not define',
    });
  });

  it('leaves the determination to the body the trigger names, with its veto holders', () => {
    const commitment = buildCommitment(
      {},
      { determinedBy: { body: 'UN Security Council', vetoHolders: ['USA', 'GBR', 'RUS'] } },
    );
    const evaluation = evaluate({ commitment });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'determination',
      outcome: 'undecided',
      reason:
        "the trigger is for UN Security Council to determine, and any of USA, GBR, RUS can block it; Truce's finding does not replace that determination",
    });
  });

  it('leaves the determination to an obligor that decides alone', () => {
    const determinedBy = { body: 'each member for itself', obligorAlone: true };
    const evaluation = evaluate({ commitment: buildCommitment({}, { determinedBy }) });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)?.reason).toContain('the obligor GRT decides by itself');
  });
});

describe('evaluateCommitment: edge cases', () => {
  it('reports both edges when the window spans the whole validity', () => {
    const commitment = buildCommitment({
      validity: { start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:00Z' },
    });
    const incident = { observedFrom: '2026-06-01T09:00:00Z', observedTo: '2026-06-01T12:00:00Z' };
    const evaluation = evaluate({ commitment, incident });
    expect(evaluation.result).toBe('indeterminate');
    expect(evaluation.unmet.map((unmet) => unmet.reason)).toEqual([
      expect.stringContaining(
        "straddles the start of the commitment's validity (2026-06-01T10:00:00Z)",
      ),
      expect.stringContaining(
        "straddles the end of the commitment's validity (2026-06-01T11:00:00Z)",
      ),
    ]);
  });

  it('cannot tell the time of a window it cannot read, unless the commitment has no limits', () => {
    const incident = { observedFrom: 'yesterday', observedTo: 'today' };
    const evaluation = evaluate({ incident });
    expect(evaluation.result).toBe('indeterminate');
    expect(evaluation.unmet[0]).toMatchObject({ condition: 'validity', outcome: 'undecided' });
    const unlimited = evaluate({ commitment: buildCommitment({ validity: undefined }), incident });
    expect(unlimited.unmet.map((unmet) => unmet.condition)).not.toContain('validity');
  });

  it('does not check the end of a duration whose start is not dated, and says so', () => {
    const evaluation = evaluate({
      commitment: buildCommitment({ validity: { duration: 'P15Y' } }),
    });
    expect(evaluation.result).toBe('triggered');
    expect(evaluation.met).toContain(
      "the incident's window lies within the commitment's validity: in force for P15Y from a start the commitment does not date, so its end is not checked",
    );
  });

  it('cannot tell the validity when its duration cannot be read', () => {
    const commitment = buildCommitment({ validity: { start: '2026-01-01', duration: 'P1X' } });
    const evaluation = evaluate({ commitment });
    expect(evaluation.result).toBe('indeterminate');
    expect(onlyUnmet(evaluation)).toMatchObject({
      condition: 'validity',
      outcome: 'undecided',
      reason: expect.stringContaining('its duration "P1X" cannot be read'),
    });
  });

  it('is met inside one zone even when another zone id is unknown', () => {
    const commitment = buildCommitment({}, { zones: ['buffer-north', 'security-zone'] });
    expect(evaluate({ commitment }).result).toBe('triggered');
  });

  it('names only the zones in force when the incident is outside them', () => {
    const expiredLine = { ...LINE, validTo: '2026-01-31' };
    const commitment = buildCommitment({}, { zones: ['security-zone', 'contact-line'] });
    const location = { lon: 31, lat: 51, radiusM: 100 };
    const evaluation = evaluate({
      commitment,
      zones: [SQUARE, expiredLine],
      incident: { location },
    });
    expect(onlyUnmet(evaluation)).toEqual({
      condition: 'zone',
      outcome: 'failed',
      reason:
        'the incident is outside every zone the trigger names that was in force: "security-zone" (Security zone)',
    });
  });
});

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
