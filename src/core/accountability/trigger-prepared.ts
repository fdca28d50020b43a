/**
 * The trigger engine's prepared values: a commitment, its zones and an incident worked out once
 * (dates read, ranks, event-type bits, zone bounds, and every sentence that depends on the
 * commitment alone), so that evaluating thousands of commitments mostly compares numbers and
 * copies references. trigger.ts runs the checks on them.
 */
import type { Commitment, Trigger } from '../agreements/file-schema.js';
import type { StoredZone } from '../agreements/stored.js';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  SEVERITIES,
  VERIFICATION_LEVELS,
  type Severity,
  type VerificationLevel,
} from '../agreements/vocabulary.js';
import {
  ladderRank,
  VERIFICATION_STATUSES,
  type IncidentFacts,
  type TriggerEvaluation,
  type UnmetCondition,
  type VerificationStatus,
} from './model.js';
import { outcomeOf, unmet, type Check, type Outcome } from './trigger-checks.js';
import { prepareValidity, type PreparedValidity } from './trigger-validity.js';
import { prepareZones, type PreparedZone, type PreparedZones } from './trigger-zones.js';

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

export interface PreparedActors {
  readonly ids: readonly string[];
  readonly requires: string;
  readonly notAttributed: UnmetCondition;
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
