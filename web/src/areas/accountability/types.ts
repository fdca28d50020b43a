/**
 * The accountability API's shapes, as the server's schemas write them once (types only, nothing
 * is bundled): an incident's verification steps, lock, assignment, attribution versions and
 * findings with the trigger engine's evaluations; the activations of commitments with their
 * response clocks, guarantors' responses, CAP alerts and per-guarantor summaries; and the
 * closed word lists of the server's own model.
 */
export type {
  ActivationStatus,
  AttributionConfidence,
  GuarantorResponseType,
  TriggerCondition,
  TriggerResult,
  UnmetCondition,
  VerificationStatus,
} from '../../../../src/core/accountability/model.js';
export type {
  Activation,
  ActivationDetail,
  Attribution,
  AttributionInput,
  Evaluation,
  Finding,
  FindingInput,
  GuarantorResponse,
  IncidentAccountability,
  ResponseInput,
  VerificationInput,
  VerificationStep,
} from '../../../../src/http/schemas/accountability.js';
export type { Alert } from '../../../../src/http/schemas/alerts.js';
