/**
 * The trigger engine's prepared values: a commitment, its zones and an incident worked out once
 * (dates read, ranks, event-type bits, zone bounds, and every sentence that depends on the
 * commitment alone), so that evaluating thousands of commitments mostly compares numbers and
 * copies references. trigger.ts runs the checks on them.
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
import {
  ladderRank,
  VERIFICATION_STATUSES,
  type IncidentFacts,
  type TriggerEvaluation,
  type UnmetCondition,
  type VerificationStatus,
} from './model.js';

/** A condition's outcome without its sentence, ordered so that the worst is the largest. */
export const MET = 0;
export const UNDECIDED = 1;
export const FAILED = 2;
export type Outcome = typeof MET | typeof UNDECIDED | typeof FAILED;

/** A check's outcome. */
export function outcomeOf(check: Check): Outcome {
  if (typeof check === 'string') return MET;
  return check.outcome === 'failed' ? FAILED : UNDECIDED;
}

/** A check's answer: a sentence when met, else the unmet condition. */
export type Check = string | UnmetCondition;

export interface PreparedCommitment extends PreparedValidity {
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

export interface PreparedValidity {
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

export interface PreparedActors {
  readonly ids: readonly string[];
  readonly requires: string;
  readonly notAttributed: UnmetCondition;
}

export interface PreparedZones {
  readonly zones: readonly PreparedZone[];
  /** Zone ids the document does not define: each undecided. */
  readonly unknown: readonly UnmetCondition[];
  readonly namesText: string;
  /** The reason when every zone is in force and the incident outside them all (the usual case). */
  readonly outsideAll: UnmetCondition;
}

export interface PreparedZone {
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

export interface PreparedIncident {
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

export const NO_TRIGGER: TriggerEvaluation = {
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

export function unmet(
  condition: UnmetCondition['condition'],
  outcome: UnmetCondition['outcome'],
  reason: string,
): UnmetCondition {
  return { condition, outcome, reason };
}

export function prepareIncident(incident: IncidentFacts): PreparedIncident {
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

export function prepareCommitment(
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
export function lastInstantOf(text: string): number {
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

export function hasType(eventTypes: number | undefined, type: string): boolean {
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

export function outsideEvery(labels: readonly string[]): UnmetCondition {
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
