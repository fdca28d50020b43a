/**
 * The agreement file format (`truce: agreement/1`): one document per file with its actors,
 * versions, status history, provisions, commitments and zones. YAML or JSON. This TypeBox
 * schema is the single definition: the types below come from it, `truce agreements schema`
 * prints it as JSON Schema, and files are checked against it before the semantic checks of
 * validate.ts. docs/agreement-files.md explains every field.
 */
import { Type, type Static, type TSchema } from 'typebox';
import type { Geometry } from '../geo/geojson.js';
import {
  ACTOR_KINDS,
  APPROPRIATION_NEEDS,
  BACKING_LEVELS,
  DEADLINE_BINDS,
  DOCUMENT_KINDS,
  DOCUMENT_ROLES,
  DOCUMENT_STATUSES,
  LEGAL_FORMS,
  OBLIGATION_STRENGTHS,
  PRECONDITION_STATUSES,
  PROVISION_KINDS,
  RESPONSE_KINDS,
  SEVERITIES,
  SIGNATURE_STATUSES,
  TRIGGER_EVENT_TYPES,
  VERIFICATION_LEVELS,
  VERSION_KINDS,
  ZONE_KINDS,
} from './vocabulary.js';

/** The value of the `truce` field that marks an agreement file of this format. */
export const AGREEMENT_FORMAT = 'agreement/1';

function Enum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>(
    Type.String({ enum: [...values], ...(description ? { description } : {}) }),
  );
}
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const Text = (description?: string) =>
  Type.String({ minLength: 1, ...(description ? { description } : {}) });

/** Ids: letters, digits, dot, dash, underscore; start with a letter or digit. */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
const Id = (description: string) => Type.String({ pattern: ID_PATTERN, description });

/** A calendar date (2015-02-12) or a date and time with offset (2015-02-15T00:00:00+02:00). */
export const DATE_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const DateValue = (description: string) => Type.String({ pattern: DATE_PATTERN, description });

/** An ISO 8601 duration (P15Y, P6M, PT24H, P2W). Checked for sense in validate.ts. */
const Duration = (description: string) =>
  Type.String({ pattern: '^P', description: `${description} (ISO 8601 duration, e.g. P1D)` });

export const SourceSchema = Type.Object(
  {
    publisher: Text('who published it: an outlet, a government, an organisation'),
    url: Opt(Type.String({ format: 'uri' })),
    date: Opt(DateValue('when it was published')),
    statedBy: Opt(Text('the person or body quoted, when the source reports a statement')),
  },
  { additionalProperties: false, description: 'where a claim comes from' },
);

export const ActorSchema = Type.Object(
  {
    id: Id('stable id, e.g. an ISO 3166 alpha-3 code for states (UKR, USA)'),
    name: Text(),
    kind: Enum(ACTOR_KINDS),
    aliases: Opt(Type.Array(Text())),
    externalIds: Opt(
      Type.Object(
        {
          acled: Opt(Type.Array(Text('ACLED actor name'))),
          ucdp: Opt(Type.Array(Text('UCDP side or actor id'))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const RoleSchema = Type.Object(
  {
    actor: Id('an actor id from `actors`'),
    role: Enum(DOCUMENT_ROLES),
    signature: Opt(Enum(SIGNATURE_STATUSES)),
    signatory: Opt(Text('the person who signed, with office')),
    date: Opt(DateValue('date of signature')),
  },
  { additionalProperties: false },
);

export const DocumentSchema = Type.Object(
  {
    id: Id('document id, unique in the instance'),
    title: Text(),
    shortTitle: Opt(Text()),
    kind: Enum(DOCUMENT_KINDS),
    legalForm: Enum(LEGAL_FORMS),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), {
      minItems: 1,
      description: 'ISO 639 codes of the authentic texts',
    }),
    date: Opt(DateValue('date of adoption or signature')),
    place: Opt(Text()),
    summary: Opt(Text()),
    roles: Type.Array(RoleSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const VersionSchema = Type.Object(
  {
    id: Id('version id, unique in the document'),
    kind: Enum(VERSION_KINDS),
    language: Type.String({ pattern: '^[a-z]{2,3}$' }),
    date: Opt(DateValue('date of this text')),
    translationOf: Opt(Id('the version this translates')),
    title: Opt(Text()),
    text: Type.String({ description: 'the full text (stored once, by SHA-256)' }),
    sha256: Opt(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'checked if given' })),
    source: Opt(SourceSchema),
  },
  { additionalProperties: false },
);

export const StatusClaimSchema = Type.Object(
  {
    id: Opt(Id('claim id, unique in the document (generated when omitted)')),
    status: Enum(DOCUMENT_STATUSES),
    date: DateValue('when the claim was made'),
    source: SourceSchema,
    note: Opt(Text()),
  },
  { additionalProperties: false },
);

export const ProvisionSchema = Type.Object(
  {
    id: Id('provision id, unique in the document'),
    locator: Text('article and paragraph, e.g. "Article 5(2)"'),
    kind: Enum(PROVISION_KINDS),
    text: Text(),
    version: Opt(Id('the version the text is taken from')),
  },
  { additionalProperties: false },
);

export const TriggerSchema = Type.Object(
  {
    eventTypes: Opt(Type.Array(Enum(TRIGGER_EVENT_TYPES), { minItems: 1 })),
    actors: Opt(Type.Array(Id('the actor whose violation triggers'), { minItems: 1 })),
    zones: Opt(Type.Array(Id('a zone id of this document'), { minItems: 1 })),
    area: Opt(Text('the area in words, when no zone is drawn')),
    minSeverity: Opt(Enum(SEVERITIES)),
    minVerification: Opt(Enum(VERIFICATION_LEVELS)),
    determinedBy: Opt(
      Type.Object(
        {
          body: Text('who determines that the trigger fired'),
          actor: Opt(Id('the body as an actor, when it is one')),
          vetoHolders: Opt(Type.Array(Id('an actor that can block the determination'))),
          obligorAlone: Opt(Type.Boolean({ description: 'the obligor decides by itself' })),
        },
        { additionalProperties: false },
      ),
    ),
    mechanism: Opt(Text('the monitoring or verification mechanism named by the trigger')),
  },
  { additionalProperties: false },
);

export const ResponseSchema = Type.Object(
  {
    kind: Enum(RESPONSE_KINDS),
    description: Opt(Text()),
    quantity: Opt(
      Type.Object(
        { amount: Type.Number({ exclusiveMinimum: 0 }), unit: Text('e.g. "EUR", "troops"') },
        { additionalProperties: false },
      ),
    ),
    period: Opt(Duration('how long the resources are committed')),
    appropriation: Opt(Enum(APPROPRIATION_NEEDS)),
  },
  { additionalProperties: false },
);

export const CommitmentSchema = Type.Object(
  {
    id: Id('commitment id, unique in the document'),
    provision: Opt(Id('the provision it comes from')),
    obligor: Id('the actor bound to act'),
    beneficiary: Opt(Id('the actor protected')),
    text: Text('the source text of the commitment'),
    versions: Opt(
      Type.Array(Id('a version id'), {
        minItems: 1,
        description: 'the versions whose text contains the commitment (default: all)',
      }),
    ),
    strength: Enum(OBLIGATION_STRENGTHS),
    trigger: Opt(TriggerSchema),
    responses: Opt(Type.Array(ResponseSchema)),
    deadline: Opt(
      Type.Object(
        { duration: Duration('time allowed from activation'), binds: Enum(DEADLINE_BINDS) },
        { additionalProperties: false },
      ),
    ),
    validity: Opt(
      Type.Object(
        {
          start: Opt(DateValue('first day in force')),
          end: Opt(DateValue('last day in force')),
          duration: Opt(Duration('how long it lasts from the start')),
          untilEvent: Opt(Text('an event that ends it, e.g. NATO accession')),
          indefinite: Opt(Type.Boolean()),
          terminationNotice: Opt(Duration('notice a guarantor must give to leave')),
        },
        { additionalProperties: false },
      ),
    ),
    preconditions: Opt(
      Type.Array(
        Type.Object(
          { text: Text(), status: Enum(PRECONDITION_STATUSES), source: Opt(SourceSchema) },
          { additionalProperties: false },
        ),
      ),
    ),
    qualifiers: Opt(Type.Array(Text('a qualifying phrase, e.g. "as it deems necessary"'))),
    backing: Opt(
      Type.Object(
        { level: Enum(BACKING_LEVELS), description: Opt(Text()) },
        { additionalProperties: false },
      ),
    ),
    termDivergences: Opt(
      Type.Array(
        Type.Object(
          {
            term: Text('the word in one language'),
            languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 2 }),
            note: Text('how the meanings differ'),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    openQuestions: Opt(Type.Array(Text())),
  },
  { additionalProperties: false },
);

export const ZoneSchema = Type.Object(
  {
    id: Id('zone id, unique in the document'),
    kind: Enum(ZONE_KINDS),
    name: Text(),
    description: Opt(Text()),
    approximate: Opt(Type.Boolean({ description: 'drawn approximately; say so wherever shown' })),
    validFrom: Opt(DateValue('first moment in force')),
    validTo: Opt(DateValue('last moment in force')),
    source: Opt(SourceSchema),
    geometry: Opt(
      Type.Unsafe<Geometry>({
        type: 'object',
        additionalProperties: true,
        description: 'GeoJSON geometry (RFC 7946, longitude first); checked by validate-geometry',
      }),
    ),
    buffer: Opt(
      Type.Object(
        {
          of: Id('the zone (usually a line) to buffer'),
          distanceKm: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
        },
        {
          additionalProperties: false,
          description: 'computed: the area within distanceKm of another zone, either side',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

/** The whole agreement file. */
export const AgreementFileSchema = Type.Object(
  {
    truce: Type.Literal(AGREEMENT_FORMAT),
    document: DocumentSchema,
    actors: Type.Array(ActorSchema, { minItems: 1 }),
    versions: Opt(Type.Array(VersionSchema)),
    statusHistory: Opt(Type.Array(StatusClaimSchema)),
    provisions: Opt(Type.Array(ProvisionSchema)),
    commitments: Opt(Type.Array(CommitmentSchema)),
    zones: Opt(Type.Array(ZoneSchema)),
  },
  {
    $id: 'https://truce.example/schemas/agreement-1.json',
    title: 'Truce agreement file',
    additionalProperties: false,
  },
);

export type AgreementFile = Static<typeof AgreementFileSchema>;
export type Actor = Static<typeof ActorSchema>;
export type AgreementDocument = Static<typeof DocumentSchema>;
export type DocumentRoleEntry = Static<typeof RoleSchema>;
export type DocumentVersion = Static<typeof VersionSchema>;
export type StatusClaim = Static<typeof StatusClaimSchema>;
export type Provision = Static<typeof ProvisionSchema>;
export type Commitment = Static<typeof CommitmentSchema>;
export type Trigger = Static<typeof TriggerSchema>;
export type CommitmentResponse = Static<typeof ResponseSchema>;
export type Zone = Static<typeof ZoneSchema>;
export type Source = Static<typeof SourceSchema>;
