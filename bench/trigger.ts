// `npx tsx bench/trigger.ts`: trigger evaluation of issue 6, one finding against 10,000
// commitments (target: p50 <= 1 ms per finding). A seeded generator makes the commitments
// (1,000 documents of 10, each document with its own zones) and the incidents, so every run
// measures the same work. The first findings only warm the JIT up and are not counted.
import type { Commitment, Trigger } from '../src/core/agreements/file-schema.js';
import type { StoredZone } from '../src/core/agreements/stored.js';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  SEVERITIES,
  VERIFICATION_LEVELS,
  type IncidentCategory,
} from '../src/core/agreements/vocabulary.js';
import type { Position } from '../src/core/geo/geojson.js';
import {
  VERIFICATION_STATUSES,
  type FindingFacts,
  type IncidentFacts,
  type TriggerResult,
} from '../src/core/accountability/model.js';
import { CommitmentIndex, type IndexedCommitment } from '../src/core/accountability/trigger.js';
import { seeded } from '../test/support/seeded.js';
import { percentile } from './percentile.js';

const DOCUMENTS = 1000;
const COMMITMENTS_PER_DOCUMENT = 10;
const FINDINGS = 1000;
const WARM_UP_FINDINGS = 200;
const ACTORS = ['RUS', 'UKR', 'BLR', 'DPR', 'LPR'];
const CATEGORIES = Object.keys(INCIDENT_CATEGORIES) as IncidentCategory[];
const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2025-01-01T00:00:00Z');

const random = seeded(6);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const some = <T>(items: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(items))),
];
const day = (offsetDays: number) =>
  new Date(EPOCH + offsetDays * DAY_MS).toISOString().slice(0, 10);
const instant = (ms: number) => new Date(ms).toISOString();

/** A polygon of 6 to 9 corners around a centre, 1 to 10 km across, or now and then a line. */
function generateZone(documentIndex: number, zoneIndex: number): StoredZone {
  const lon = 22 + random() * 18;
  const lat = 44 + random() * 8;
  const id = `zone-${zoneIndex}`;
  const name = `Zone ${zoneIndex} of document ${documentIndex}`;
  const validity = random() < 0.2 ? { validFrom: day(random() * 300), validTo: day(400) } : {};
  if (random() < 0.15) {
    const coordinates: Position[] = [
      [lon, lat],
      [lon + random() * 0.3, lat + random() * 0.3],
    ];
    return {
      id,
      name,
      kind: 'line_of_contact',
      ...validity,
      geometry: { type: 'LineString', coordinates },
    };
  }
  const corners = 6 + Math.floor(random() * 4);
  const radiusDegrees = 0.005 + random() * 0.045;
  const ring: Position[] = Array.from({ length: corners }, (_, i) => {
    const angle = (2 * Math.PI * i) / corners;
    const reach = radiusDegrees * (0.7 + random() * 0.3);
    return [lon + reach * Math.cos(angle) * 1.5, lat + reach * Math.sin(angle)];
  });
  ring.push(ring[0] as Position);
  return {
    id,
    name,
    kind: 'security_zone',
    ...validity,
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

function generateTrigger(zones: readonly StoredZone[]): Trigger {
  const eventTypes = random() < 0.5 ? some(CATEGORIES, 2) : some(INCIDENT_TYPES, 3);
  const place = random();
  return {
    ...(random() < 0.9 ? { eventTypes } : {}),
    ...(random() < 0.6 ? { actors: some(ACTORS, 2) } : {}),
    ...(place < 0.4
      ? { zones: some(zones, 2).map((zone) => zone.id) }
      : place < 0.7
        ? { area: 'Ukraine' }
        : {}),
    ...(random() < 0.4 ? { minSeverity: pick(SEVERITIES) } : {}),
    ...(random() < 0.5 ? { minVerification: pick(VERIFICATION_LEVELS) } : {}),
    ...(random() < 0.3
      ? random() < 0.5
        ? {
            determinedBy: {
              body: 'UN Security Council',
              vetoHolders: ['USA', 'GBR', 'RUS', 'FRA', 'CHN'],
            },
          }
        : { determinedBy: { body: 'the obligor', obligorAlone: true } }
      : {}),
  };
}

function generateValidity(): Commitment['validity'] {
  const start = random() * 200;
  return pick([
    undefined,
    { start: day(start), end: day(start + 30 + random() * 300) },
    { start: `${day(start)}T15:00:00Z`, duration: pick(['P6M', 'P1Y', 'P90D']) },
    { start: day(start), untilEvent: 'NATO accession' },
    { indefinite: true },
    { duration: 'P15Y' },
  ]);
}

function generateCommitment(index: number, zones: readonly StoredZone[]): Commitment {
  const validity = generateValidity();
  const preconditions =
    random() < 0.3
      ? [
          {
            text: 'A ceasefire enters into force.',
            status: pick(['pending', 'met', 'failed'] as const),
          },
        ]
      : undefined;
  return {
    id: `commitment-${index}`,
    obligor: pick(['USA', 'GBR', 'FRA', 'DEU', 'POL']),
    text: 'A generated commitment.',
    strength: 'shall',
    ...(random() < 0.95 ? { trigger: generateTrigger(zones) } : {}),
    ...(validity ? { validity } : {}),
    ...(preconditions ? { preconditions } : {}),
  };
}

function generateCommitments(): { entries: IndexedCommitment[]; zones: StoredZone[] } {
  const entries: IndexedCommitment[] = [];
  const allZones: StoredZone[] = [];
  for (let d = 0; d < DOCUMENTS; d += 1) {
    const zones = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, z) =>
      generateZone(d, z),
    );
    allZones.push(...zones);
    for (let c = 0; c < COMMITMENTS_PER_DOCUMENT; c += 1) {
      const commitment = generateCommitment(c, zones);
      entries.push({
        key: `doc-${d}/${commitment.id}`,
        documentId: `doc-${d}`,
        commitment,
        documentZones: zones,
      });
    }
  }
  return { entries, zones: allZones };
}

/** Half the incidents fall near a zone (so zones are really tested), half anywhere. */
function generateIncident(
  n: number,
  zones: readonly StoredZone[],
): { incident: IncidentFacts; finding: FindingFacts } {
  const from = EPOCH + random() * 500 * DAY_MS;
  const near = random() < 0.5 ? pick(zones).geometry : undefined;
  const [lon, lat] =
    near?.type === 'Polygon' || near?.type === 'LineString'
      ? (pick(near.type === 'Polygon' ? (near.coordinates[0] ?? []) : near.coordinates) as Position)
      : [22 + random() * 18, 44 + random() * 8];
  const kinetic = [...INCIDENT_CATEGORIES.kinetic_remote, ...INCIDENT_CATEGORIES.kinetic_direct];
  const attribution = pick([
    undefined,
    { declined: true as const, reason: 'the mission does not adjudicate' },
    {
      declined: false as const,
      actor: pick(ACTORS),
      confidence: pick(['high', 'moderate', 'low'] as const),
    },
  ]);
  const incident: IncidentFacts = {
    id: `incident-${n}`,
    type: random() < 0.6 ? pick(kinetic) : pick(INCIDENT_TYPES),
    observedFrom: instant(from),
    observedTo: instant(from + random() * 6 * 3_600_000),
    location:
      random() < 0.05
        ? null
        : {
            lon: (lon ?? 30) + (random() - 0.5) * 0.02,
            lat: (lat ?? 48) + (random() - 0.5) * 0.02,
            radiusM: pick([10, 100, 1000, 5000]),
          },
    verification: pick(VERIFICATION_STATUSES),
    ...(attribution ? { attribution } : {}),
  };
  const finding: FindingFacts = {
    id: `finding-${n}`,
    incidentId: incident.id,
    documentId: 'ceasefire',
    provisionId: 'article-1',
    severity: pick(SEVERITIES),
  };
  return { incident, finding };
}

/** Times `run` on every case after the warm-up ones; answers counted from the timed cases. */
function measure(
  cases: readonly { incident: IncidentFacts; finding: FindingFacts }[],
  run: (
    incident: IncidentFacts,
    finding: FindingFacts,
  ) => { result: TriggerResult; explained: boolean }[],
): {
  timesMs: number[];
  evaluated: number;
  explained: number;
  answers: Record<TriggerResult, number>;
} {
  const timesMs: number[] = [];
  const answers = { triggered: 0, indeterminate: 0, not_triggered: 0 };
  let evaluated = 0;
  let explained = 0;
  cases.forEach(({ incident, finding }, n) => {
    const start = performance.now();
    const results = run(incident, finding);
    const elapsed = performance.now() - start;
    if (n < WARM_UP_FINDINGS) return;
    timesMs.push(elapsed);
    evaluated += results.length;
    for (const result of results) {
      answers[result.result] += 1;
      if (result.explained) explained += 1;
    }
  });
  return { timesMs, evaluated, explained, answers };
}

function main(): void {
  const { entries, zones } = generateCommitments();
  const buildStart = performance.now();
  const index = new CommitmentIndex(entries);
  const buildMs = performance.now() - buildStart;
  const cases = Array.from({ length: WARM_UP_FINDINGS + FINDINGS }, (_, n) =>
    generateIncident(n, zones),
  );
  // What the service runs: every candidate decided, the ones that fired or are undecided
  // explained in words.
  const decided = measure(cases, (incident, finding) =>
    index
      .decide(incident, finding)
      .map((d) => ({ result: d.result, explained: d.evaluation !== undefined })),
  );
  // The baseline: every candidate explained in words (the engine before decide existed).
  const everything = measure(cases, (incident, finding) =>
    index
      .evaluate(incident, finding)
      .map((e) => ({ result: e.evaluation.result, explained: true })),
  );

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  const perFinding = (n: number) => (n / FINDINGS).toFixed(0);
  console.log(`Truce trigger benchmark (Node ${process.version})`);
  console.log(
    `commitments: ${entries.length} in ${DOCUMENTS} documents; index built in ${ms(buildMs)}`,
  );
  console.log(`findings: ${FINDINGS}, one at a time, after ${WARM_UP_FINDINGS} to warm up`);
  console.log(
    `commitments decided per finding (mean): ${perFinding(decided.evaluated)}; answers: ${decided.answers.triggered} triggered, ${decided.answers.indeterminate} indeterminate, ${decided.answers.not_triggered} not triggered`,
  );
  console.log(
    `decide, explaining what fired or is undecided (${perFinding(decided.explained)} per finding): p50 ${ms(percentile(decided.timesMs, 0.5))}, p99 ${ms(percentile(decided.timesMs, 0.99))} per finding (target p50 <= 1 ms)`,
  );
  console.log(
    `baseline, explaining every answer (${perFinding(everything.explained)} per finding): p50 ${ms(percentile(everything.timesMs, 0.5))}, p99 ${ms(percentile(everything.timesMs, 0.99))} per finding`,
  );
  const same = JSON.stringify(decided.answers) === JSON.stringify(everything.answers);
  if (!same) throw new Error('decide and evaluate gave different answers');
}

main();
