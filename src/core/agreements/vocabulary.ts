/**
 * The closed word lists of agreements, commitments and zones (DOMAIN.md). Stored as these
 * strings everywhere: files, database, API.
 */

/** Kinds of actor. */
export const ACTOR_KINDS = [
  'state',
  'armed_force',
  'armed_group',
  'coalition',
  'international_organisation',
  'monitoring_body',
  'mediator',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Kinds of document. */
export const DOCUMENT_KINDS = [
  'ceasefire_agreement',
  'peace_agreement',
  'security_agreement',
  'memorandum',
  'declaration_of_intent',
  'protocol',
  'annex',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Legal form, from most to least binding: a ratified treaty, an executive agreement between
 * governments, a political commitment (declaration, memorandum not ratified), or not yet known.
 */
export const LEGAL_FORMS = [
  'ratified_treaty',
  'executive_agreement',
  'political_commitment',
  'unknown',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** The role an actor holds in a document. */
export const DOCUMENT_ROLES = [
  'party',
  'guarantor',
  'witness',
  'mediator',
  'monitor',
  'beneficiary',
] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/**
 * Where an actor's signature stands: signed; initialled (not final); attended but did not sign;
 * refused; pending (expected, not yet).
 */
export const SIGNATURE_STATUSES = [
  'signed',
  'initialled',
  'present_not_signed',
  'refused',
  'pending',
] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** Kinds of document version. */
export const VERSION_KINDS = ['draft', 'final', 'translation'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** Claimed statuses of a document, in the order a document normally moves through them. */
export const DOCUMENT_STATUSES = [
  'proposed',
  'drafted',
  'ready',
  'signed',
  'in_force',
  'suspended',
  'expired',
  'unresolved',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Kinds of provision. */
export const PROVISION_KINDS = [
  'definition',
  'prohibited_act',
  'zone',
  'timeline',
  'monitoring_mechanism',
  'violation_class',
  'escalation',
  'guarantee',
  'consultation',
] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

/**
 * Kinds of response a commitment promises. Processes (consultation, referral to the Security
 * Council, a statement) decide nothing by themselves; the others are actions. `support` is
 * support of unstated kind ("appropriate support").
 */
export const RESPONSE_KINDS = [
  'consultation',
  'security_council_referral',
  'statement',
  'support',
  'intelligence',
  'logistics',
  'sanctions',
  'military_aid',
  'air_defence',
  'force_deployment',
  'use_of_force',
] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** Responses that are processes, not actions (concreteness point 5). */
export const PROCESS_RESPONSES: readonly ResponseKind[] = [
  'consultation',
  'security_council_referral',
  'statement',
];

/** Whether a deadline binds the response itself or only a meeting about it. */
export const DEADLINE_BINDS = ['response', 'meeting'] as const;
export type DeadlineBinds = (typeof DEADLINE_BINDS)[number];

/**
 * Obligation strength, strongest first: "shall"/"will" bind; "should" expects; "intend" and
 * "policy" announce; "may" and "consider" leave it open.
 */
export const OBLIGATION_STRENGTHS = [
  'shall',
  'will',
  'should',
  'intend',
  'policy',
  'may',
  'consider',
] as const;
export type ObligationStrength = (typeof OBLIGATION_STRENGTHS)[number];

/** Whether a precondition holds yet. */
export const PRECONDITION_STATUSES = ['pending', 'met', 'failed'] as const;
export type PreconditionStatus = (typeof PRECONDITION_STATUSES)[number];

/** Whether resources need a later appropriation (a budget vote) before they exist. */
export const APPROPRIATION_NEEDS = ['not_required', 'required', 'unknown'] as const;
export type AppropriationNeed = (typeof APPROPRIATION_NEEDS)[number];

/** Material backing of a commitment: nothing, planned, or forces and supplies in place. */
export const BACKING_LEVELS = ['none', 'planned', 'in_place'] as const;
export type BackingLevel = (typeof BACKING_LEVELS)[number];

/** Kinds of zone. */
export const ZONE_KINDS = [
  'line_of_contact',
  'withdrawal_line',
  'security_zone',
  'buffer',
  'storage_site',
  'monitor_post',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/**
 * Incident types a trigger can name (DOMAIN.md), grouped by category. A trigger may name a
 * category (all its types) or single types.
 */
export const INCIDENT_CATEGORIES = {
  kinetic_remote: [
    'shelling',
    'missile_strike',
    'air_strike',
    'drone_strike',
    'mine_ied',
    'nuclear_weapon_use',
  ],
  kinetic_direct: ['armed_clash', 'territory_seized'],
  harm_to_civilians: ['attack_on_civilians', 'abduction', 'damage_to_civilian_infrastructure'],
  force_posture: [
    'weapons_beyond_withdrawal_line',
    'weapons_missing_from_storage',
    'presence_in_security_zone',
    'new_position',
    'mining',
  ],
  obstruction: [
    'access_denied',
    'access_delayed',
    'threat_to_monitors',
    'gunfire_near_monitors',
    'uav_jamming',
  ],
  other: ['other_prohibited_conduct'],
} as const;
export type IncidentCategory = keyof typeof INCIDENT_CATEGORIES;
export type IncidentType = (typeof INCIDENT_CATEGORIES)[IncidentCategory][number];

/** Every incident type, category order. */
export const INCIDENT_TYPES = Object.values(INCIDENT_CATEGORIES).flat() as IncidentType[];

/** What a trigger's `eventTypes` may hold: a category or a type. */
export const TRIGGER_EVENT_TYPES = [
  ...(Object.keys(INCIDENT_CATEGORIES) as IncidentCategory[]),
  ...INCIDENT_TYPES,
] as const;
export type TriggerEventType = IncidentCategory | IncidentType;

/** Verification levels, lowest first (the ladder of DOMAIN.md). */
export const VERIFICATION_LEVELS = [
  'reported',
  'under_investigation',
  'corroborated',
  'verified',
] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** Severity classes of a violation, lowest first. */
export const SEVERITIES = ['minor', 'major', 'grave'] as const;
export type Severity = (typeof SEVERITIES)[number];
