/**
 * The trigger engine: does a finding activate a commitment? Every condition of the commitment's
 * trigger is checked and explained in a sentence, so that people can see why a commitment fired,
 * did not, or cannot be told yet. `indeterminate` is an answer, not an error: a time window that
 * straddles a ceasefire's start, a precision circle that crosses a zone's edge, or a body that
 * must determine the trigger itself all leave it open, and the product must say so.
 *
 * Both entry points share one evaluation of prepared values (trigger-prepared.ts and its parts: dates read,
 * ranks and sentences worked out), so the index cannot drift from evaluateCommitment. The index
 * also decides without the sentences (`decide`), and explains only the answers asked for.
 */
import type { Commitment } from '../agreements/file-schema.js';
import type { StoredZone } from '../agreements/stored.js';
import { INCIDENT_TYPES } from '../agreements/vocabulary.js';
import { relateToZone, type ZoneRelation } from '../geo/relate.js';
import type {
  FindingFacts,
  IncidentFacts,
  TriggerEvaluation,
  TriggerResult,
  UnmetCondition,
} from './model.js';

import {
  FAILED,
  MET,
  outcomeOf,
  UNDECIDED,
  unmet,
  type Check,
  type Outcome,
} from './trigger-checks.js';
import {
  hasType,
  NO_TRIGGER,
  prepareCommitment,
  prepareIncident,
  type PreparedActors,
  type PreparedCommitment,
  type PreparedIncident,
} from './trigger-prepared.js';
import type { PreparedValidity } from './trigger-validity.js';
import { outsideEvery, type PreparedZone, type PreparedZones } from './trigger-zones.js';

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
