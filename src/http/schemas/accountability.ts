/**
 * The accountability API's shapes: an incident's verification steps, assignment, lock,
 * attribution versions and findings with the trigger engine's answers; activations of
 * commitments with their response clocks, guarantors' responses and per-guarantor summaries;
 * and the decisions people send.
 */
import { Type, type Static } from 'typebox';
import {
  ACTIVATION_STATUSES,
  ATTRIBUTION_CONFIDENCES,
  RESPONSE_TYPES,
  TRIGGER_CONDITIONS,
  VERIFICATION_STATUSES,
} from '../../core/accountability/model.js';
import { SEVERITIES } from '../../core/agreements/vocabulary.js';
import { Enum, Limit, Nullable, Text } from './common.js';

/** The record event of a decision, to prove it is in the record (GET /api/v1/record/proof/inclusion?event=). */
const EventId = Type.Union([Type.String(), Type.Null()], {
  description:
    'the record event that made it, for /api/v1/record/proof/inclusion?event=; null for decisions made before migration 0010',
});
const Names = Type.Record(Type.String(), Type.String(), {
  description: 'user names of the principal ids mentioned (user:<id>, token:<id>)',
});

export const Activation = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  commitmentId: Type.String(),
  obligor: Type.String({ description: 'the guarantor (actor id) whose commitment it is' }),
  incidentId: Type.String(),
  findingIds: Type.Array(Type.String()),
  activatedAt: Type.String(),
  deadline: Nullable(Type.String({ description: 'null: the commitment sets no deadline' })),
  breachAt: Nullable(Type.String({ description: 'when an overdue activation counts as breached' })),
  tier: Type.Integer({ description: 'escalation tier, 1 at activation, up at each lapse' }),
  status: Enum(ACTIVATION_STATUSES),
  late: Type.Boolean({ description: 'met by a response after the deadline' }),
  statusAt: Type.String(),
  eventId: EventId,
});
export type Activation = Static<typeof Activation>;

/** The trigger engine's answer for one commitment and one finding. */
export const Evaluation = Type.Object({
  documentId: Type.String(),
  commitmentId: Type.String(),
  result: Enum(['triggered', 'not_triggered', 'indeterminate'] as const),
  met: Type.Array(Type.String(), { description: 'conditions met, in words' }),
  unmet: Type.Array(
    Type.Object({
      condition: Enum(TRIGGER_CONDITIONS),
      outcome: Enum(['failed', 'undecided'] as const),
      reason: Type.String(),
    }),
  ),
  evaluatedAt: Type.String(),
});
export type Evaluation = Static<typeof Evaluation>;

export const Finding = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  documentId: Type.String(),
  provisionId: Type.String(),
  severity: Enum(SEVERITIES),
  notes: Nullable(Type.String()),
  by: Type.String(),
  at: Type.String(),
  eventId: EventId,
  evaluations: Type.Array(Evaluation),
});
export type Finding = Static<typeof Finding>;

/** One step taken on the verification ladder; `by` is a principal id such as `user:<id>`. */
export const VerificationStep = Type.Object({
  from: Enum(VERIFICATION_STATUSES),
  to: Enum(VERIFICATION_STATUSES),
  method: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  obstructionIncidentId: Nullable(Type.String()),
  by: Type.String(),
  at: Type.String(),
  eventId: Type.String(),
});
export type VerificationStep = Static<typeof VerificationStep>;

/** One version of an incident's attribution: an actor with confidence, or a declined one. */
export const Attribution = Type.Object({
  version: Type.Integer(),
  actor: Nullable(Type.String()),
  declined: Type.Boolean(),
  declinedReason: Nullable(Type.String()),
  confidence: Nullable(Enum(ATTRIBUTION_CONFIDENCES)),
  basis: Type.Object({
    reportIds: Type.Array(Type.String()),
    evidence: Type.Array(Type.String()),
    text: Type.String(),
  }),
  dissent: Nullable(Type.String()),
  by: Type.String(),
  at: Type.String(),
  eventId: EventId,
});
export type Attribution = Static<typeof Attribution>;

/** The edit lock of an incident. */
export const Lock = Type.Object({ userId: Type.String(), expiresAt: Type.String() });
export type Lock = Static<typeof Lock>;

/** Everything decided about one incident. */
export const IncidentAccountability = Type.Object({
  names: Names,
  status: Enum(VERIFICATION_STATUSES),
  nextStatuses: Type.Array(Enum(VERIFICATION_STATUSES)),
  steps: Type.Array(VerificationStep),
  assignment: Type.Union([
    Type.Object({ assignee: Type.String(), assignedAt: Type.String() }),
    Type.Null(),
  ]),
  lock: Type.Union([Lock, Type.Null()]),
  attributions: Type.Array(Attribution),
  findings: Type.Array(Finding),
  activations: Type.Array(Activation),
});
export type IncidentAccountability = Static<typeof IncidentAccountability>;

/** A guarantor's response to an activation. */
export const GuarantorResponse = Type.Object({
  id: Type.String(),
  actor: Type.String(),
  type: Enum(RESPONSE_TYPES),
  description: Type.String(),
  respondedAt: Type.String(),
  evidence: Type.Array(Type.String()),
  qualifying: Type.Boolean({ description: 'of a kind the commitment promises' }),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
  eventId: EventId,
});
export type GuarantorResponse = Static<typeof GuarantorResponse>;

/** One activation with the names it mentions and the guarantor's responses. */
export const ActivationDetail = Type.Intersect([
  Activation,
  Type.Object({ names: Names, responses: Type.Array(GuarantorResponse) }),
]);
export type ActivationDetail = Static<typeof ActivationDetail>;

export const ActivationList = Type.Object({ activations: Type.Array(Activation) });
export type ActivationList = Static<typeof ActivationList>;

export const ActivationQuery = Type.Object({
  obligor: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Enum(ACTIVATION_STATUSES)),
  limit: Limit,
});
export type ActivationQuery = Static<typeof ActivationQuery>;

/** Per guarantor: activations by status and the median time to respond. */
export const GuarantorSummary = Type.Object({
  obligor: Type.String(),
  activations: Type.Integer(),
  open: Type.Integer(),
  met: Type.Integer(),
  overdue: Type.Integer(),
  breached: Type.Integer(),
  withdrawn: Type.Integer(),
  lateResponses: Type.Integer(),
  medianResponseHours: Type.Union([Type.Number(), Type.Null()]),
});
export type GuarantorSummary = Static<typeof GuarantorSummary>;

export const GuarantorSummaryList = Type.Object({ guarantors: Type.Array(GuarantorSummary) });
export type GuarantorSummaryList = Static<typeof GuarantorSummaryList>;

/** The fields of a verification step, one incident or many. */
export const VerificationFields = {
  status: Enum(VERIFICATION_STATUSES),
  method: Type.Optional(Text(2000, 'how the decision was reached')),
  notes: Type.Optional(Text(4000)),
};

export const VerificationInput = Type.Object(
  {
    ...VerificationFields,
    obstructionIncidentId: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'for unverifiable: the obstruction incident that prevented it',
      }),
    ),
  },
  { additionalProperties: false },
);
export type VerificationInput = Static<typeof VerificationInput>;

/** Each incident's outcome of a step taken for many. */
export const BulkResults = Type.Object({
  results: Type.Array(
    Type.Object({
      incidentId: Type.String(),
      ok: Type.Boolean(),
      error: Type.Optional(Type.String()),
    }),
  ),
});
export type BulkResults = Static<typeof BulkResults>;

const Basis = Type.Object(
  {
    reportIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 })),
    evidence: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), {
        maxItems: 100,
        description: 'SHA-256 of uploaded evidence',
      }),
    ),
    text: Text(4000, 'the basis in words'),
  },
  { additionalProperties: false },
);
const Dissent = Type.Optional(Text(4000, 'who disagrees, and why'));

export const AttributionInput = Type.Union([
  Type.Object(
    {
      actor: Type.String({ minLength: 1, maxLength: 64 }),
      confidence: Enum(ATTRIBUTION_CONFIDENCES),
      basis: Basis,
      dissent: Dissent,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { declined: Text(2000, 'why attribution is declined'), basis: Basis, dissent: Dissent },
    { additionalProperties: false },
  ),
]);
export type AttributionInput = Static<typeof AttributionInput>;

export const AttributionVersion = Type.Object({ version: Type.Integer() });
export type AttributionVersion = Static<typeof AttributionVersion>;

export const FindingInput = Type.Object(
  {
    incidentId: Type.String({ maxLength: 64 }),
    documentId: Type.String({ maxLength: 64 }),
    provisionId: Type.String({ maxLength: 64 }),
    severity: Enum(SEVERITIES),
    notes: Type.Optional(Text(4000)),
  },
  { additionalProperties: false },
);
export type FindingInput = Static<typeof FindingInput>;

export const FindingRecorded = Type.Object({ findingId: Type.String() });
export type FindingRecorded = Static<typeof FindingRecorded>;

export const ResponseInput = Type.Object(
  {
    type: Enum(RESPONSE_TYPES),
    description: Text(4000, 'what was done'),
    respondedAt: Type.Optional(Type.String({ format: 'date-time' })),
    evidence: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: 100 }),
    ),
  },
  { additionalProperties: false },
);
export type ResponseInput = Static<typeof ResponseInput>;

export const ResponseRecorded = Type.Object({
  responseId: Type.String(),
  qualifying: Type.Boolean(),
});
export type ResponseRecorded = Static<typeof ResponseRecorded>;
