/**
 * The trigger engine: does a finding activate a commitment? Every condition of the commitment's
 * trigger is checked and explained in a sentence, so that people can see why a commitment fired,
 * did not, or cannot be told yet. `indeterminate` is an answer, not an error: a time window that
 * straddles a ceasefire's start, a precision circle that crosses a zone's edge, or a body that
 * must determine the trigger itself all leave it open, and the product must say so.
 *
 * Both entry points share one evaluation of prepared values (dates read, ranks and sentences
 * worked out), so the index cannot drift from evaluateCommitment.
 */
import type { Commitment, Trigger } from '../agreements/file-schema.js';
import type { StoredZone } from '../agreements/stored.js';
import { instantOf } from '../agreements/dates.js';
import { addDuration, parseDuration } from '../agreements/duration.js';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  SEVERITIES,
  VERIFICATION_LEVELS,
  type Severity,
  type VerificationLevel,
} from '../agreements/vocabulary.js';
import { boundsOf, type Bounds } from '../geo/bounds.js';
import type { Geometry } from '../geo/geojson.js';
import { relateToZone, type ZoneRelation } from '../geo/relate.js';
import {
  ladderRank,
  VERIFICATION_STATUSES,
  type FindingFacts,
  type IncidentFacts,
  type TriggerEvaluation,
  type TriggerResult,
  type UnmetCondition,
  type VerificationStatus,
} from './model.js';

/** One commitment, the zones of its document, and the incident and finding to test it with. */
export interface CommitmentToEvaluate {
  readonly commitment: Commitment;
  readonly documentZones: readonly StoredZone[];
  readonly incident: IncidentFacts;
  readonly finding: FindingFacts;
}

/**
 * Evaluates one commitment against one finding. Checks every condition (preconditions,
 * validity, event type, verification, severity, actor, zone, determination) and reports each:
 * the result is `not_triggered` when any failed, else `indeterminate` when any is undecided,
 * else `triggered`. A commitment without a trigger is `not_triggered`.
 */
export function evaluateCommitment(input: CommitmentToEvaluate): TriggerEvaluation {
  const commitment = prepareCommitment(input.commitment, input.documentZones, new Map());
  return evaluatePrepared(commitment, prepareIncident(input.incident), input.finding);
}

/**
 * A commitment as the index takes it in: `key` is the caller's id for it in the results, and
 * `documentId` the document it belongs to (for the caller's bookkeeping; the evaluation needs
 * only the document's zones).
 */
export interface IndexedCommitment {
  readonly key: string;
  readonly documentId: string;
  readonly commitment: Commitment;
  readonly documentZones: readonly StoredZone[];
}

/**
 * One commitment's answer for a finding. `evaluation`, the answer with every condition in
 * words, is there when the caller asked for it (by default for `triggered` and
 * `indeterminate`): building the sentences is most of the cost, and a `not_triggered` answer
 * for a commitment of another agreement is rarely read.
 */
export interface TriggerDecision {
  readonly key: string;
  readonly result: TriggerResult;
  readonly evaluation?: TriggerEvaluation;
}

/** Which decisions to explain: by default those that fired or could not be decided. */
export type ExplainWhen = (key: string, result: TriggerResult) => boolean;

const EXPLAIN_UNLESS_NOT_TRIGGERED: ExplainWhen = (_key, result) => result !== 'not_triggered';

/**
 * Many commitments, prepared once for fast evaluation (issue 6: one finding against 10,000
 * commitments in a millisecond). Dates, durations, ranks, event-type sets, zone bounds and the
 * sentences that depend on the commitment alone are worked out when the index is built, so
 * `decide` parses nothing. Zones passed as the same object are prepared once.
 */
export class CommitmentIndex {
  readonly #byType = new Map<string, Candidates>();
  readonly #anyType: Candidates = { keys: [], commitments: [] };

  constructor(entries: readonly IndexedCommitment[]) {
    const zones = new Map<StoredZone, PreparedZone>();
    for (const type of INCIDENT_TYPES) this.#byType.set(type, { keys: [], commitments: [] });
    for (const { key, commitment, documentZones } of entries) {
      const prepared = prepareCommitment(commitment, documentZones, zones);
      if (prepared.trigger === undefined) continue;
      if (prepared.eventTypes === undefined) addCandidate(this.#anyType, key, prepared);
      for (const type of INCIDENT_TYPES) {
        const candidates = this.#byType.get(type);
        if (candidates && hasType(prepared.eventTypes, type))
          addCandidate(candidates, key, prepared);
      }
    }
  }

  /**
   * Decides the finding against the commitments whose trigger could match the incident's type,
   * in the order they were given, and explains those `explainWhen` picks; each result and
   * explanation equals evaluateCommitment's. Left out, because they are `not_triggered`
   * whatever else holds: commitments without a trigger, and those whose event types exclude the
   * incident's type.
   */
  decide(
    incident: IncidentFacts,
    finding: FindingFacts,
    explainWhen: ExplainWhen = EXPLAIN_UNLESS_NOT_TRIGGERED,
  ): TriggerDecision[] {
    const prepared = prepareIncident(incident);
    const { keys, commitments } = this.#byType.get(incident.type) ?? this.#anyType;
    const decisions = new Array<TriggerDecision>(keys.length);
    for (let i = 0; i < keys.length; i += 1) {
      const commitment = commitments[i] as PreparedCommitment;
      const key = keys[i] as string;
      const result = decidePrepared(commitment, prepared, finding);
      decisions[i] = explainWhen(key, result)
        ? { key, result, evaluation: evaluatePrepared(commitment, prepared, finding) }
        : { key, result };
    }
    return decisions;
  }

  /** `decide` with every answer explained. */
  evaluate(
    incident: IncidentFacts,
    finding: FindingFacts,
  ): { key: string; evaluation: TriggerEvaluation }[] {
    return this.decide(incident, finding, () => true).map(({ key, evaluation }) => ({
      key,
      evaluation: evaluation as TriggerEvaluation,
    }));
  }
}

/** Keys and commitments side by side: the loop then touches no wrapper object per entry. */
interface Candidates {
  readonly keys: string[];
  readonly commitments: PreparedCommitment[];
}

function addCandidate(candidates: Candidates, key: string, commitment: PreparedCommitment): void {
  candidates.keys.push(key);
  candidates.commitments.push(commitment);
}

// ---------------------------------------------------------------------------------------------
// Prepared values. Sentences are shared between evaluations (they are immutable), so that
// evaluating thousands of commitments mostly copies references.

/** A check's answer: a sentence when met, else the unmet condition. */
type Check = string | UnmetCondition;

interface PreparedCommitment extends PreparedValidity {
  readonly trigger: Trigger | undefined;
  readonly preconditions: readonly Check[];
  /** The bits of every incident type the trigger names, categories expanded; undefined: any. */
  readonly eventTypes: number | undefined;
  readonly eventTypesText: string;
  readonly verification: Readonly<Record<VerificationStatus, Check>>;
  readonly severity: Readonly<Record<Severity, Check>>;
  readonly actors: PreparedActors | undefined;
  /** The zones to check; when none, the fixed outcome of an area in words or of no place. */
  readonly zones: PreparedZones | undefined;
  readonly placeCheck: Check;
  readonly determination: Check;
  /**
   * The worst outcome of the checks that do not depend on the incident: preconditions, the
   * determination, the place when no zones are named, and a validity that cannot be read.
   */
  readonly fixedOutcome: Outcome;
}

interface PreparedValidity {
  /** First and last instants in force, ms; -Infinity and Infinity when open. */
  readonly startMs: number;
  readonly endMs: number;
  readonly startLabel: string;
  readonly endLabel: string;
  /** The sentence when the incident's window lies within, or the problem reading it. */
  readonly within: Check;
  /** The ends of the reasons when the window lies wholly before or after. */
  readonly endsBefore: string;
  readonly beginsAfter: string;
}

interface PreparedActors {
  readonly ids: readonly string[];
  readonly requires: string;
  readonly notAttributed: UnmetCondition;
}

interface PreparedZones {
  readonly zones: readonly PreparedZone[];
  /** Zone ids the document does not define: each undecided. */
  readonly unknown: readonly UnmetCondition[];
  readonly namesText: string;
  /** The reason when every zone is in force and the incident outside them all (the usual case). */
  readonly outsideAll: UnmetCondition;
}

interface PreparedZone {
  readonly label: string;
  readonly outsideLabel: string;
  readonly inside: string;
  readonly geometry: Geometry;
  readonly hasArea: boolean;
  readonly bounds: Bounds;
  /** The cosine of the latitude a degree past the box's pole-most edge, for the far test. */
  readonly cosEdge: number;
  readonly fromMs: number;
  readonly toMs: number;
}

interface PreparedIncident {
  readonly facts: IncidentFacts;
  readonly fromMs: number;
  readonly toMs: number;
  /** "the incident's window, from ... to ...,", for the reasons. */
  readonly window: string;
  readonly typeBit: number;
  readonly typeMet: string;
  readonly attributed: string;
  readonly actorMet: string;
}

const DAY_MS = 86_400_000;

/**
 * One bit per incident type, so that a trigger's event types are one number and testing one
 * costs no lookup (the index tests thousands per finding). 27 types fit in 32 bits.
 */
const TYPE_BITS = new Map<string, number>(INCIDENT_TYPES.map((type, i) => [type, 1 << i]));
if (INCIDENT_TYPES.length > 31) throw new Error('TYPE_BITS holds at most 31 incident types');

const NO_TRIGGER: TriggerEvaluation = {
  result: 'not_triggered',
  met: [],
  unmet: [
    unmet('event_type', 'failed', 'the commitment names no trigger, so nothing activates it'),
  ],
};

/** Verification outcomes by required level (`default` when the trigger names none). */
const VERIFICATION_CHECKS = Object.fromEntries(
  [...VERIFICATION_LEVELS, 'default' as const].map((level) => [level, verificationChecks(level)]),
) as Record<VerificationLevel | 'default', Readonly<Record<VerificationStatus, Check>>>;

/** Severity outcomes by minimum (`none` when the trigger sets none). */
const SEVERITY_CHECKS = Object.fromEntries(
  [...SEVERITIES, 'none' as const].map((minimum) => [minimum, severityChecks(minimum)]),
) as Record<Severity | 'none', Readonly<Record<Severity, Check>>>;

function unmet(
  condition: UnmetCondition['condition'],
  outcome: UnmetCondition['outcome'],
  reason: string,
): UnmetCondition {
  return { condition, outcome, reason };
}

function prepareIncident(incident: IncidentFacts): PreparedIncident {
  const attribution = incident.attribution;
  const attributed =
    attribution && !attribution.declined
      ? `the incident is attributed to ${attribution.actor} (${attribution.confidence} confidence)`
      : '';
  return {
    facts: incident,
    fromMs: Date.parse(incident.observedFrom),
    toMs: Date.parse(incident.observedTo),
    window: `the incident's window, from ${incident.observedFrom} to ${incident.observedTo},`,
    typeBit: TYPE_BITS.get(incident.type) ?? 0,
    typeMet: `the incident's type "${incident.type}" is one the trigger names`,
    attributed,
    actorMet: `${attributed}, an actor the trigger names`,
  };
}

function prepareCommitment(
  commitment: Commitment,
  documentZones: readonly StoredZone[],
  zoneCache: Map<StoredZone, PreparedZone>,
): PreparedCommitment {
  const trigger = commitment.trigger;
  const requires = `the trigger requires a violation by ${listWith(trigger?.actors ?? [], 'or')}`;
  const preconditions = preparePreconditions(commitment);
  const validity = prepareValidity(commitment.validity);
  const placeCheck = placeCheckOf(trigger);
  const determination = prepareDetermination(commitment);
  const fixed = [...preconditions, validity.within, placeCheck, determination];
  return {
    trigger,
    preconditions,
    ...validity,
    eventTypes: trigger?.eventTypes && expandEventTypes(trigger.eventTypes),
    eventTypesText: (trigger?.eventTypes ?? []).join(', '),
    verification: VERIFICATION_CHECKS[trigger?.minVerification ?? 'default'],
    severity: SEVERITY_CHECKS[trigger?.minSeverity ?? 'none'],
    actors: trigger?.actors && {
      ids: trigger.actors,
      requires,
      notAttributed: unmet('actor', 'undecided', `the incident is not attributed yet; ${requires}`),
    },
    zones: trigger?.zones && prepareZones(trigger.zones, documentZones, zoneCache),
    placeCheck,
    determination,
    fixedOutcome: Math.max(...fixed.map(outcomeOf)) as Outcome,
  };
}

function preparePreconditions(commitment: Commitment): Check[] {
  const preconditions = commitment.preconditions ?? [];
  if (preconditions.length === 0) return ['the commitment has no preconditions'];
  return preconditions.map(({ text, status }): Check => {
    const quoted = `"${text.trim()}"`;
    if (status === 'met') return `the precondition ${quoted} holds`;
    return status === 'failed'
      ? unmet('precondition', 'failed', `the precondition ${quoted} failed, so it is not in force`)
      : unmet(
          'precondition',
          'undecided',
          `it is not yet established that the precondition ${quoted} holds`,
        );
  });
}

function prepareValidity(validity: Commitment['validity'] = {}): PreparedValidity {
  const { start, untilEvent, indefinite, duration } = validity;
  const startMs = start === undefined ? -Infinity : instantOf(start);
  const startLabel = start === undefined ? '' : dayStartLabel(start);
  const end = endOf(validity, startMs);
  const endMs = typeof end === 'string' ? Infinity : end.ms;
  const endLabel = typeof end === 'string' ? '' : end.label;
  const edges = {
    startMs,
    endMs,
    startLabel,
    endLabel,
    endsBefore: ` ends before the commitment is in force (from ${startLabel})`,
    beginsAfter: ` begins after the commitment's validity ended (${endLabel})`,
  };
  if (typeof end === 'string') {
    const reason = `its duration "${duration}" cannot be read (${end}), so Truce cannot tell whether it was in force`;
    return { ...edges, within: unmet('validity', 'undecided', reason) };
  }
  const words = [
    start === undefined ? '' : `from ${startLabel}`,
    end.label === '' ? '' : `to ${end.label}`,
    untilEvent ? `until ${untilEvent}, which Truce does not track` : '',
    indefinite ? 'indefinitely' : '',
    duration && start === undefined
      ? `for ${duration} from a start the commitment does not date, so its end is not checked`
      : '',
  ].filter((part) => part !== '');
  const within =
    words.length === 0
      ? 'the commitment has no validity limits'
      : `the incident's window lies within the commitment's validity: in force ${words.join(' ')}`;
  return { ...edges, within };
}

/**
 * The last instant in force: a date-only end is the last day in force, so its end counts; a
 * duration counts from the start. Without an end (or a start for the duration), it stays open:
 * an undated start is usually a precondition, checked as one.
 */
function endOf(
  validity: NonNullable<Commitment['validity']>,
  startMs: number,
): { ms: number; label: string } | string {
  if (validity.end !== undefined) {
    return { ms: lastInstantOf(validity.end), label: dayEndLabel(validity.end) };
  }
  if (validity.duration === undefined || startMs === -Infinity) return { ms: Infinity, label: '' };
  const duration = parseDuration(validity.duration);
  if (typeof duration === 'string') return duration;
  const after = addDuration(new Date(startMs), duration).getTime();
  const label = `${new Date(after).toISOString()} (${validity.duration} after the start)`;
  return { ms: after - 1, label };
}

/** A date-only text means its whole day: its last instant is the end of that day (UTC). */
function lastInstantOf(text: string): number {
  return text.length === 10 ? instantOf(text) + DAY_MS - 1 : instantOf(text);
}

function dayStartLabel(text: string): string {
  return text.length === 10 ? `the start of ${text} (UTC)` : text;
}

function dayEndLabel(text: string): string {
  return text.length === 10 ? `the end of ${text} (UTC)` : text;
}

/** The event types as bits: a category stands for all its types, a type for itself. */
function expandEventTypes(eventTypes: readonly string[]): number {
  let bits = 0;
  for (const name of eventTypes) {
    const types = Object.hasOwn(INCIDENT_CATEGORIES, name)
      ? INCIDENT_CATEGORIES[name as keyof typeof INCIDENT_CATEGORIES]
      : [name];
    for (const type of types) bits |= TYPE_BITS.get(type) ?? 0;
  }
  return bits;
}

function hasType(eventTypes: number | undefined, type: string): boolean {
  return eventTypes === undefined || (eventTypes & (TYPE_BITS.get(type) ?? 0)) !== 0;
}

/** The DOMAIN ladder: a verified violation triggers unless the trigger names another level. */
function verificationChecks(
  level: VerificationLevel | 'default',
): Record<VerificationStatus, Check> {
  const required =
    level === 'default'
      ? 'the "verified" level required when a trigger names none (a verified violation triggers)'
      : `the "${level}" level the trigger requires`;
  const rank = ladderRank(level === 'default' ? 'verified' : level);
  const checks = {} as Record<VerificationStatus, Check>;
  for (const status of VERIFICATION_STATUSES) {
    checks[status] =
      ladderRank(status) >= rank
        ? `the incident is "${status}", at least ${required}`
        : unmet('verification', 'failed', `the incident is "${status}", below ${required}`);
  }
  checks.not_a_violation = unmet(
    'verification',
    'failed',
    'the incident was verified as not a violation',
  );
  checks.rejected = unmet('verification', 'failed', 'the incident was rejected at verification');
  checks.unverifiable = unmet(
    'verification',
    'undecided',
    `verification was prevented (the incident is unverifiable), so it cannot reach ${required}`,
  );
  return checks;
}

function severityChecks(minimum: Severity | 'none'): Record<Severity, Check> {
  const checks = {} as Record<Severity, Check>;
  for (const severity of SEVERITIES) {
    const words = `the finding's severity "${severity}"`;
    checks[severity] =
      minimum === 'none'
        ? 'the trigger sets no minimum severity'
        : SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(minimum)
          ? `${words} meets the minimum "${minimum}"`
          : unmet(
              'severity',
              'failed',
              `${words} is below the minimum "${minimum}" the trigger sets`,
            );
  }
  return checks;
}

/**
 * An area in words only is met, not undecided: undecided would block every such trigger forever,
 * and it is for whoever determines the trigger to read words like "Ukraine".
 */
function placeCheckOf(trigger: Trigger | undefined): Check {
  if (trigger?.zones !== undefined) return '';
  return trigger?.area === undefined
    ? 'the trigger names no zone or area: a violation anywhere counts'
    : `the area "${trigger.area}" is not drawn as a zone, so Truce cannot check it`;
}

function prepareZones(
  ids: readonly string[],
  documentZones: readonly StoredZone[],
  zoneCache: Map<StoredZone, PreparedZone>,
): PreparedZones {
  const zones: PreparedZone[] = [];
  const unknown: UnmetCondition[] = [];
  for (const id of ids) {
    const zone = documentZones.find((candidate) => candidate.id === id);
    if (zone === undefined) {
      const reason = `the trigger names zone "${id}", which its document does not define`;
      unknown.push(unmet('zone', 'undecided', reason));
      continue;
    }
    let prepared = zoneCache.get(zone);
    if (prepared === undefined) zoneCache.set(zone, (prepared = prepareZone(zone)));
    zones.push(prepared);
  }
  return {
    zones,
    unknown,
    namesText: ids.map((id) => `"${id}"`).join(', '),
    outsideAll: outsideEvery(zones.map((zone) => zone.outsideLabel)),
  };
}

function prepareZone(zone: StoredZone): PreparedZone {
  const bounds = boundsOf(zone.geometry);
  const poleMost = Math.min(90, Math.max(Math.abs(bounds[1]), Math.abs(bounds[3])) + 1);
  const label = `"${zone.id}" (${zone.name})`;
  const area = hasArea(zone.geometry);
  return {
    label,
    outsideLabel: area ? label : `${label} (a line, which contains nothing)`,
    inside: `the incident lies inside zone ${label}, its whole precision circle included`,
    geometry: zone.geometry,
    hasArea: area,
    bounds,
    cosEdge: Math.cos((poleMost * Math.PI) / 180),
    fromMs: zone.validFrom === undefined ? -Infinity : instantOf(zone.validFrom),
    // A date-only validTo names its whole last day, as a commitment's end does.
    toMs: zone.validTo === undefined ? Infinity : lastInstantOf(zone.validTo),
  };
}

function hasArea(geometry: Geometry): boolean {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(hasArea);
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

function outsideEvery(labels: readonly string[]): UnmetCondition {
  const reason = `the incident is outside every zone the trigger names that was in force: ${labels.join(', ')}`;
  return unmet('zone', 'failed', reason);
}

function prepareDetermination(commitment: Commitment): Check {
  const by = commitment.trigger?.determinedBy;
  if (by === undefined) return 'the trigger names nobody who must determine that it fired';
  const notReplaced = "Truce's finding does not replace that determination";
  const vetoes = by.vetoHolders?.length
    ? `, and any of ${by.vetoHolders.join(', ')} can block it`
    : '';
  const reason = by.obligorAlone
    ? `the obligor ${commitment.obligor} decides by itself whether the trigger fired (${by.body}); ${notReplaced}`
    : `the trigger is for ${by.body} to determine${vetoes}; ${notReplaced}`;
  return unmet('determination', 'undecided', reason);
}

/** "A", "A or B", "A, B or C". */
function listWith(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------
// The checks against one incident and finding. Plain loops and no closures: this runs for every
// commitment the index evaluates.

function evaluatePrepared(
  commitment: PreparedCommitment,
  incident: PreparedIncident,
  finding: FindingFacts,
): TriggerEvaluation {
  if (commitment.trigger === undefined) return NO_TRIGGER;
  const facts = incident.facts;
  const zones = commitment.zones;
  const checks: Check[] = [];
  collect(checks, commitment.preconditions);
  collect(checks, checkValidity(commitment, incident));
  checks.push(checkEventType(commitment, incident));
  checks.push(commitment.verification[facts.verification]);
  checks.push(commitment.severity[finding.severity]);
  checks.push(checkActor(commitment.actors, incident));
  collect(checks, zones ? checkZones(zones, incident) : commitment.placeCheck);
  checks.push(commitment.determination);
  return split(checks);
}

function collect(checks: Check[], more: Check | readonly Check[]): void {
  if (typeof more === 'string' || !Array.isArray(more)) checks.push(more as Check);
  else for (const check of more) checks.push(check);
}

/**
 * Sorts the checks into met and unmet, in arrays of the exact size: the index keeps thousands
 * of evaluations alive at once, and growable arrays would double what the collector copies.
 */
function split(checks: readonly Check[]): TriggerEvaluation {
  let metCount = 0;
  for (const check of checks) if (typeof check === 'string') metCount += 1;
  const met = new Array<string>(metCount);
  const unmetConditions = new Array<UnmetCondition>(checks.length - metCount);
  let failed = false;
  let m = 0;
  let u = 0;
  for (const check of checks) {
    if (typeof check === 'string') met[m++] = check;
    else {
      unmetConditions[u++] = check;
      if (check.outcome === 'failed') failed = true;
    }
  }
  const result = failed ? 'not_triggered' : u > 0 ? 'indeterminate' : 'triggered';
  return { result, met, unmet: unmetConditions };
}

// ---------------------------------------------------------------------------------------------
// The same checks without the sentences: only the answer, with no allocation, and the zones
// (the slow part) only when no other condition failed. The property test holds it to
// evaluatePrepared's answer.

const MET = 0;
const UNDECIDED = 1;
const FAILED = 2;
type Outcome = typeof MET | typeof UNDECIDED | typeof FAILED;

function outcomeOf(check: Check): Outcome {
  if (typeof check === 'string') return MET;
  return check.outcome === 'failed' ? FAILED : UNDECIDED;
}

function decidePrepared(
  commitment: PreparedCommitment,
  incident: PreparedIncident,
  finding: FindingFacts,
): TriggerResult {
  if (commitment.trigger === undefined) return 'not_triggered';
  if (commitment.eventTypes !== undefined && (commitment.eventTypes & incident.typeBit) === 0) {
    return 'not_triggered';
  }
  let worst = Math.max(
    commitment.fixedOutcome,
    outcomeOf(commitment.verification[incident.facts.verification]),
    outcomeOf(commitment.severity[finding.severity]),
    validityOutcome(commitment, incident),
    actorOutcome(commitment.actors, incident),
  );
  if (worst === FAILED) return 'not_triggered';
  if (commitment.zones !== undefined)
    worst = Math.max(worst, zonesOutcome(commitment.zones, incident));
  return worst === FAILED ? 'not_triggered' : worst === UNDECIDED ? 'indeterminate' : 'triggered';
}

/** checkValidity's outcome. */
function validityOutcome(validity: PreparedValidity, incident: PreparedIncident): Outcome {
  const { fromMs, toMs } = incident;
  const { startMs, endMs } = validity;
  if (typeof validity.within !== 'string') return outcomeOf(validity.within);
  if (startMs === -Infinity && endMs === Infinity) return MET;
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return UNDECIDED;
  if (toMs < startMs || fromMs > endMs) return FAILED;
  return fromMs >= startMs && toMs <= endMs ? MET : UNDECIDED;
}

/** checkActor's outcome. */
function actorOutcome(actors: PreparedActors | undefined, incident: PreparedIncident): Outcome {
  if (actors === undefined) return MET;
  const attribution = incident.facts.attribution;
  if (attribution === undefined || attribution.declined) return UNDECIDED;
  return actors.ids.includes(attribution.actor) ? MET : FAILED;
}

/** checkZones's outcome. */
function zonesOutcome(place: PreparedZones, incident: PreparedIncident): Outcome {
  const location = incident.facts.location;
  let inForce = 0;
  let undecided = place.unknown.length > 0;
  for (const zone of place.zones) {
    if (!isInForce(zone, incident)) continue;
    inForce += 1;
    if (location === null) continue;
    const { relation } = relate(zone, location);
    if (relation === 'inside') return MET;
    if (relation === 'indeterminate') undecided = true;
  }
  if (location === null && inForce > 0) undecided = true;
  return undecided ? UNDECIDED : FAILED;
}

function checkValidity(validity: PreparedValidity, incident: PreparedIncident): Check | Check[] {
  const { fromMs, toMs, window } = incident;
  const { startMs, endMs, startLabel, endLabel } = validity;
  if (typeof validity.within !== 'string') return validity.within;
  if (startMs === -Infinity && endMs === Infinity) return validity.within;
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) {
    return unmet('validity', 'undecided', `${window} cannot be read as two instants`);
  }
  if (toMs < startMs) return unmet('validity', 'failed', window + validity.endsBefore);
  if (fromMs > endMs) return unmet('validity', 'failed', window + validity.beginsAfter);
  if (fromMs >= startMs && toMs <= endMs) return validity.within;
  if (fromMs >= startMs) return straddling(window, 'end', endLabel);
  if (toMs <= endMs) return straddling(window, 'start', startLabel);
  return [straddling(window, 'start', startLabel), straddling(window, 'end', endLabel)];
}

function straddling(window: string, edge: 'start' | 'end', label: string): UnmetCondition {
  const reason = `${window} straddles the ${edge} of the commitment's validity (${label}), so Truce cannot tell whether the incident happened while it was in force`;
  return unmet('validity', 'undecided', reason);
}

function checkEventType(commitment: PreparedCommitment, incident: PreparedIncident): Check {
  const type = incident.facts.type;
  if (commitment.eventTypes === undefined) {
    return 'the trigger names no event types: any type of violation counts';
  }
  if ((commitment.eventTypes & incident.typeBit) !== 0) return incident.typeMet;
  const reason = `the incident's type "${type}" is not among the trigger's event types (${commitment.eventTypesText})`;
  return unmet('event_type', 'failed', reason);
}

function checkActor(actors: PreparedActors | undefined, incident: PreparedIncident): Check {
  if (actors === undefined) return 'the trigger names no actor: a violation by any actor counts';
  const attribution = incident.facts.attribution;
  if (attribution === undefined) return actors.notAttributed;
  if (attribution.declined) {
    const reason = `attribution was declined ("${attribution.reason}"); ${actors.requires}`;
    return unmet('actor', 'undecided', reason);
  }
  if (actors.ids.includes(attribution.actor)) return incident.actorMet;
  return unmet('actor', 'failed', `${incident.attributed}, but ${actors.requires}`);
}

/**
 * Inside any zone in force meets the condition; otherwise an unknown zone, a missing location
 * or a precision circle across an edge leaves it undecided; outside them all fails it. Zones
 * in force for none of the incident's window are skipped.
 */
function checkZones(place: PreparedZones, incident: PreparedIncident): Check | Check[] {
  const location = incident.facts.location;
  let inForce = 0;
  let undecided: UnmetCondition[] | undefined;
  for (const zone of place.zones) {
    if (!isInForce(zone, incident)) continue;
    inForce += 1;
    if (location === null) continue;
    const { relation, distanceM } = relate(zone, location);
    if (relation === 'inside') return zone.inside;
    if (relation === 'indeterminate') {
      const reason = `the precision radius of ${location.radiusM} m crosses the boundary of zone ${zone.label}: the incident's point is ${distanceM} m from it`;
      (undecided ??= []).push(unmet('zone', 'undecided', reason));
    }
  }
  if (location === null && inForce > 0) {
    const reason = `the incident has no location, so Truce cannot tell whether it was inside ${place.namesText}`;
    (undecided ??= []).push(unmet('location', 'undecided', reason));
  }
  if (undecided !== undefined || place.unknown.length > 0) {
    return [...place.unknown, ...(undecided ?? [])];
  }
  if (inForce === 0) {
    const reason = `none of the trigger's zones (${place.namesText}) was in force at the incident's time`;
    return unmet('zone', 'failed', reason);
  }
  if (inForce === place.zones.length) return place.outsideAll;
  const inForceZones = place.zones.filter((zone) => isInForce(zone, incident));
  return outsideEvery(inForceZones.map((zone) => zone.outsideLabel));
}

/**
 * Whether the zone is in force for some of the incident's window. Comparisons with NaN are
 * false, so an unreadable window keeps every zone.
 */
function isInForce(zone: PreparedZone, incident: PreparedIncident): boolean {
  return !(zone.toMs < incident.fromMs) && !(zone.fromMs > incident.toMs);
}

const FAR_OUTSIDE: ZoneRelation = { relation: 'outside', distanceM: NaN };

/**
 * relateToZone, with two short cuts that give the same answer: a line contains nothing, and a
 * place far outside the zone's box is outside (the geodesic test is the slow part of a check).
 */
function relate(zone: PreparedZone, place: NonNullable<IncidentFacts['location']>): ZoneRelation {
  if (!zone.hasArea || isFarOutside(zone, place)) return FAR_OUTSIDE;
  const related = relateToZone(place, zone.geometry);
  return related.relation === 'near' ? FAR_OUTSIDE : related;
}

/**
 * True when the place is certainly farther than its radius from every point of the zone's box.
 * A degree of latitude is at least 111,000 m (111,195 on turf's sphere); a degree of longitude
 * at least that times the cosine of the pole-most latitude involved. The margin is half as
 * large again as the radius (which also covers the curvature of long parallels), and the test
 * is skipped near the poles and the antimeridian.
 */
function isFarOutside(zone: PreparedZone, place: NonNullable<IncidentFacts['location']>): boolean {
  const marginM = place.radiusM * 1.5 + 100;
  if (marginM > 100_000) return false; // past a degree, cosEdge no longer bounds the latitude
  const [west, south, east, north] = zone.bounds;
  const latMargin = marginM / 111_000;
  if (place.lat < south - latMargin || place.lat > north + latMargin) return true;
  if (zone.cosEdge < 0.01) return false;
  const lonMargin = marginM / (111_000 * zone.cosEdge);
  if (west - lonMargin < -180 || east + lonMargin > 180) return false;
  return place.lon < west - lonMargin || place.lon > east + lonMargin;
}
