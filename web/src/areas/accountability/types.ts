/**
 * Shapes of the accountability API's answers: an incident's verification steps, lock,
 * assignment, attribution versions and findings with the trigger engine's evaluations; the
 * activations of commitments with their response clocks, guarantors' responses, CAP alerts and
 * per-guarantor summaries. The closed word lists come from the server's own model (types only).
 */
import type {
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  TriggerResult,
  UnmetCondition,
  VerificationStatus,
} from '../../../../src/core/accountability/model.js';
import type { Severity } from '../agreements/types';

export type {
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  TriggerResult,
  UnmetCondition,
  VerificationStatus,
};

/** One step taken on the verification ladder; `by` is a principal id such as `user:<id>`. */
export interface VerificationStep {
  readonly from: VerificationStatus;
  readonly to: VerificationStatus;
  readonly method: string | null;
  readonly notes: string | null;
  readonly obstructionIncidentId: string | null;
  readonly by: string;
  readonly at: string;
  /** The record event of the step, to prove it is in the record. */
  readonly eventId: string;
}

/** One version of an incident's attribution: an actor with confidence, or a declined one. */
export interface Attribution {
  readonly version: number;
  readonly actor: string | null;
  readonly declined: boolean;
  readonly declinedReason: string | null;
  readonly confidence: AttributionConfidence | null;
  readonly basis: {
    readonly reportIds: readonly string[];
    readonly evidence: readonly string[];
    readonly text: string;
  };
  readonly dissent: string | null;
  readonly by: string;
  readonly at: string;
  /** The record event of this version; null for versions older than the server's migration 0010. */
  readonly eventId: string | null;
}

/** The trigger engine's answer for one commitment and one finding. */
export interface Evaluation {
  readonly documentId: string;
  readonly commitmentId: string;
  readonly result: TriggerResult;
  readonly met: readonly string[];
  readonly unmet: readonly UnmetCondition[];
  readonly evaluatedAt?: string;
}

/** An incident qualified against a provision, with what the engine made of it. */
export interface Finding {
  readonly id: string;
  readonly documentId: string;
  readonly provisionId: string;
  readonly severity: Severity;
  readonly notes: string | null;
  readonly by: string;
  readonly at: string;
  /** The record event of the finding; null for findings older than the server's migration 0010. */
  readonly eventId: string | null;
  readonly evaluations: readonly Evaluation[];
}

/** A commitment whose trigger a finding met, with its response clock. */
export interface Activation {
  readonly id: string;
  readonly documentId: string;
  readonly commitmentId: string;
  /** The guarantor (actor id) whose commitment it is. */
  readonly obligor: string;
  readonly incidentId: string;
  readonly findingIds: readonly string[];
  readonly activatedAt: string;
  /** Null when the commitment sets no deadline. */
  readonly deadline: string | null;
  readonly breachAt: string | null;
  readonly tier: number;
  readonly status: ActivationStatus;
  /** Met by a response after the deadline. */
  readonly late: boolean;
  readonly statusAt: string;
  /** The record event that opened it; null for activations older than the server's migration 0010. */
  readonly eventId: string | null;
}

/** What a guarantor did about an activation. */
export interface GuarantorResponse {
  readonly id: string;
  readonly actor: string;
  readonly type: GuarantorResponseType;
  readonly description: string;
  readonly respondedAt: string;
  readonly evidence: readonly string[];
  /** Whether it is of a kind the commitment promises (and so can meet it). */
  readonly qualifying: boolean;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** The record event of the response; null for responses older than the server's migration 0010. */
  readonly eventId: string | null;
}

/** One activation with its responses, in the order they were given. */
export interface ActivationDetail extends Activation {
  readonly responses: readonly GuarantorResponse[];
  /** User names for the principal ids of `recordedBy`. */
  readonly names: Readonly<Record<string, string>>;
}

/** Everything the incident page shows about an incident's accountability. */
export interface IncidentAccountability {
  readonly status: VerificationStatus;
  /** The steps the ladder allows from here; roles and four eyes are checked on the step. */
  readonly nextStatuses: readonly VerificationStatus[];
  readonly steps: readonly VerificationStep[];
  readonly assignment: { readonly assignee: string; readonly assignedAt: string } | null;
  /** User names for the principal ids below (`user:<id>`, `token:<id>`). */
  readonly names: Readonly<Record<string, string>>;
  readonly lock: { readonly userId: string; readonly expiresAt: string } | null;
  readonly attributions: readonly Attribution[];
  readonly findings: readonly Finding[];
  readonly activations: readonly Activation[];
}

/** A verification step as sent. */
export interface VerificationInput {
  readonly status: VerificationStatus;
  readonly method?: string;
  readonly notes?: string;
  readonly obstructionIncidentId?: string;
}

/** An attribution claim as sent: an actor with confidence, or a reasoned refusal. */
export type AttributionInput = {
  readonly basis: { readonly text: string; readonly reportIds?: readonly string[] };
  readonly dissent?: string;
} & (
  | { readonly actor: string; readonly confidence: AttributionConfidence }
  | { readonly declined: string }
);

/** A finding as sent. */
export interface FindingInput {
  readonly incidentId: string;
  readonly documentId: string;
  readonly provisionId: string;
  readonly severity: Severity;
  readonly notes?: string;
}

/** A guarantor's response as sent; `respondedAt` defaults to now on the server. */
export interface ResponseInput {
  readonly type: GuarantorResponseType;
  readonly description: string;
  readonly respondedAt?: string;
}

/** One CAP message about an activation. */
export interface Alert {
  readonly id: string;
  readonly activationId: string;
  readonly obligor: string;
  readonly msgType: string;
  readonly headline: string;
  readonly sent: string;
}

/** One guarantor's record: activations by status and how fast it responds. */
export interface GuarantorSummary {
  readonly obligor: string;
  readonly activations: number;
  readonly open: number;
  readonly met: number;
  readonly overdue: number;
  readonly breached: number;
  readonly withdrawn: number;
  readonly lateResponses: number;
  /** Median hours from activation to the first qualifying response; null when none came. */
  readonly medianResponseHours: number | null;
}
