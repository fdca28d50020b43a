/**
 * The trigger engine's test cases: two zones (a square of about 1.4 by 2.2 km and a line east of
 * it), a guarantee that the default incident and finding meet in every condition, and builders
 * that change one thing at a time; also the scenarios' commitments, read from their files.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Commitment, Trigger } from '../../src/core/agreements/file-schema.js';
import { parseAgreementText } from '../../src/core/agreements/parse-file.js';
import type { StoredZone } from '../../src/core/agreements/stored.js';
import type {
  FindingFacts,
  IncidentFacts,
  TriggerEvaluation,
} from '../../src/core/accountability/model.js';
import { evaluateCommitment } from '../../src/core/accountability/trigger.js';
import { withOverrides, type Overrides } from './commitment-factories.js';

// A square of about 1.4 by 2.2 km from (30.00, 50.00) to (30.02, 50.02), and a line east of it.
export const SQUARE: StoredZone = {
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
export const LINE: StoredZone = {
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
export const ZONES = [SQUARE, LINE];

/** 50 m east of the square's west edge, on its middle latitude (a degree of longitude at 50.01° N is about 71,470 m). */
export const FIFTY_M_INSIDE = { lon: 30 + 50 / 71_470, lat: 50.01 };

/**
 * A guarantee every condition of which the default incident and finding meet. Overrides of the
 * commitment and of its trigger set to `undefined` remove the field.
 */
export function buildCommitment(
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

export function buildIncident(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
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

export function buildFinding(overrides: Partial<FindingFacts> = {}): FindingFacts {
  return {
    id: 'finding-1',
    incidentId: 'incident-1',
    documentId: 'ceasefire',
    provisionId: 'article-1',
    severity: 'grave',
    ...overrides,
  };
}

export function evaluate(
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
export function onlyUnmet(evaluation: TriggerEvaluation) {
  expect(evaluation.unmet).toHaveLength(1);
  return evaluation.unmet[0];
}

export function loadCommitments(path: string): Commitment[] {
  const text = readFileSync(new URL(`../../scenarios/${path}`, import.meta.url), 'utf8');
  const parsed = parseAgreementText(text, 'yaml');
  expect(parsed.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return parsed.file?.commitments ?? [];
}

export function commitmentById(commitments: Commitment[], id: string): Commitment {
  const found = commitments.find((commitment) => commitment.id === id);
  if (found === undefined) throw new Error(`no commitment ${id}`);
  return found;
}
