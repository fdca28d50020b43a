/**
 * The words of accountability (DOMAIN.md): verification, attribution, findings, activations
 * and responses, as the closed lists and shapes the rules, the store and the API share.
 */
import type { Severity, VerificationLevel } from '../agreements/vocabulary.js';

/**
 * Where an incident stands: the ladder (reported, under investigation, corroborated,
 * verified), then the side exits. `unverifiable` is linked to the obstruction incident that
 * prevented verification.
 */
export const VERIFICATION_STATUSES = [
  'reported',
  'under_investigation',
  'corroborated',
  'verified',
  'not_a_violation',
  'unverifiable',
  'rejected',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** How sure an attribution is (the words of intelligence assessments). */
export const ATTRIBUTION_CONFIDENCES = ['high', 'moderate', 'low'] as const;
export type AttributionConfidence = (typeof ATTRIBUTION_CONFIDENCES)[number];

/** What a guarantor did about an activation. */
export const RESPONSE_TYPES = ['statement', 'consultation', 'action'] as const;
export type GuarantorResponseType = (typeof RESPONSE_TYPES)[number];

/**
 * Where an activation stands: the clock runs (`open`); a qualifying response came in time
 * (`met`); the deadline passed without one (`overdue`, one escalation tier up); the grace period
 * after it passed too (`breached`, final unless a late response comes, which makes it `met`
 * with `late`); the finding no longer meets the trigger (`withdrawn`: the verification was
 * reopened, say).
 */
export const ACTIVATION_STATUSES = ['open', 'met', 'overdue', 'breached', 'withdrawn'] as const;
export type ActivationStatus = (typeof ACTIVATION_STATUSES)[number];

/** What the trigger engine knows of an incident when it evaluates a commitment. */
export interface IncidentFacts {
  readonly id: string;
  /** An incident type of INCIDENT_CATEGORIES (vocabulary.ts); other strings match nothing. */
  readonly type: string;
  /** The time window, ISO 8601 instants. */
  readonly observedFrom: string;
  readonly observedTo: string;
  /** The place and its precision radius; null when the incident has no location. */
  readonly location: {
    readonly lon: number;
    readonly lat: number;
    readonly radiusM: number;
  } | null;
  readonly verification: VerificationStatus;
  /** The current attribution claim; undefined when nobody has attributed it yet. */
  readonly attribution?:
    | {
        readonly declined: false;
        readonly actor: string;
        readonly confidence: AttributionConfidence;
      }
    | { readonly declined: true; readonly reason: string }
    | undefined;
}

/** A finding: an incident qualified against a provision of a document, with severity. */
export interface FindingFacts {
  readonly id: string;
  readonly incidentId: string;
  readonly documentId: string;
  readonly provisionId: string;
  readonly severity: Severity;
}

/** The steps that must say how the decision was reached. */
export const METHOD_REQUIRED: readonly VerificationStatus[] = [
  'corroborated',
  'verified',
  'not_a_violation',
  'rejected',
];

/** The three answers of the trigger engine. */
export type TriggerResult = 'triggered' | 'not_triggered' | 'indeterminate';

/** The conditions of a commitment's trigger the engine checks. */
export const TRIGGER_CONDITIONS = [
  'precondition',
  'validity',
  'event_type',
  'verification',
  'severity',
  'actor',
  'zone',
  'location',
  'determination',
] as const;

/** One condition of a commitment's trigger. */
export type TriggerCondition = (typeof TRIGGER_CONDITIONS)[number];

/** One condition of a commitment's trigger that is not met, or cannot be decided. */
export interface UnmetCondition {
  /** Which condition (one of TRIGGER_CONDITIONS). */
  readonly condition: TriggerCondition;
  /** `failed`: the condition is not met; `undecided`: it cannot be told from what is known. */
  readonly outcome: 'failed' | 'undecided';
  /** One sentence for people: what was required and what the facts are. */
  readonly reason: string;
}

/** The engine's answer for one commitment and one finding. */
export interface TriggerEvaluation {
  readonly result: TriggerResult;
  /** Conditions met, in words (for the explanation shown beside the result). */
  readonly met: readonly string[];
  /** Conditions not met or undecided; empty exactly when the result is `triggered`. */
  readonly unmet: readonly UnmetCondition[];
}

/** The order of the ladder, for "at least" comparisons; side exits are below every rung. */
export function ladderRank(status: VerificationStatus | VerificationLevel): number {
  const rank = ['reported', 'under_investigation', 'corroborated', 'verified'].indexOf(status);
  return rank;
}
