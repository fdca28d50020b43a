/**
 * Accountability's decisions as they stand, as the store reads them back: verification steps,
 * attribution versions, findings with the engine's answers, activations, guarantors' responses
 * and alerts. Ids of people are principal ids (`user:<id>`, `token:<id>`, `system:<what>`).
 */
import type { Severity } from '../agreements/vocabulary.js';
import type {
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  IncidentFacts,
  TriggerResult,
  UnmetCondition,
  VerificationStatus,
} from './model.js';

/** One step on the verification ladder. */
export interface VerificationStep {
  readonly from: VerificationStatus;
  readonly to: VerificationStatus;
  readonly method: string | null;
  readonly notes: string | null;
  readonly obstructionIncidentId: string | null;
  readonly by: string;
  readonly at: string;
  /** The record event of the step. */
  readonly eventId: string;
}

/** One version of an incident's attribution claim: an actor with confidence, or a refusal. */
export interface Attribution {
  readonly version: number;
  /** Null when attribution was declined. */
  readonly actor: string | null;
  readonly declined: boolean;
  readonly declinedReason: string | null;
  readonly confidence: AttributionConfidence | null;
  readonly basis: { reportIds: string[]; evidence: string[]; text: string };
  readonly dissent: string | null;
  readonly by: string;
  readonly at: string;
  /** Null for versions made before migration 0010. */
  readonly eventId: string | null;
}

/** An incident qualified against a provision. */
export interface Finding {
  readonly id: string;
  readonly incidentId: string;
  readonly documentId: string;
  readonly provisionId: string;
  readonly severity: Severity;
  readonly notes: string | null;
  readonly by: string;
  readonly at: string;
  /** Null for findings made before migration 0010. */
  readonly eventId: string | null;
}

/** The engine's latest answer for one finding and one commitment. */
export interface FindingEvaluation {
  readonly documentId: string;
  readonly commitmentId: string;
  readonly result: TriggerResult;
  readonly met: string[];
  readonly unmet: UnmetCondition[];
  readonly evaluatedAt: string;
}

/** A commitment activated for an incident by its findings: the response clock and its state. */
export interface Activation {
  readonly id: string;
  readonly documentId: string;
  readonly commitmentId: string;
  readonly obligor: string;
  readonly incidentId: string;
  readonly findingIds: string[];
  readonly activatedAt: string;
  readonly deadline: string | null;
  readonly breachAt: string | null;
  readonly tier: number;
  readonly status: ActivationStatus;
  /** A qualifying response came, after the deadline. */
  readonly late: boolean;
  readonly statusAt: string;
  /** The record event that opened it (null for activations older than migration 0010). */
  readonly eventId: string | null;
}

/** A guarantor's response to an activation. */
export interface GuarantorResponse {
  readonly id: string;
  readonly actor: string;
  readonly type: GuarantorResponseType;
  readonly description: string;
  readonly respondedAt: string;
  /** SHA-256 hashes of evidence files. */
  readonly evidence: string[];
  /** Of a kind the commitment promises (see response.ts). */
  readonly qualifying: boolean;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly eventId: string | null;
}

/** A CAP message sent about an activation. */
export interface Alert {
  readonly id: string;
  readonly activationId: string;
  readonly obligor: string;
  readonly msgType: string;
  readonly headline: string;
  readonly sent: string;
  /** The CAP XML exactly as sent. */
  readonly xml: string;
}

/** What the trigger engine knows of an attribution: the current version, if any. */
export function attributionFacts(current: Attribution | undefined): IncidentFacts['attribution'] {
  if (current === undefined) return undefined;
  if (current.actor === null) return { declined: true, reason: current.declinedReason ?? '' };
  return { declined: false, actor: current.actor, confidence: current.confidence ?? 'low' };
}
