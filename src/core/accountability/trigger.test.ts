import { describe, expect, it } from 'vitest';
import { relateToZone } from '../geo/relate.js';
import {
  buildCommitment,
  evaluate,
  FIFTY_M_INSIDE,
  LINE,
  onlyUnmet,
  SQUARE,
} from '../../../test/support/trigger-cases.js';

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
