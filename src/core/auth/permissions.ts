/**
 * Roles and permission verbs: the one table that says who may do what. Every HTTP route
 * declares the verb it needs (or that it is public); a test walks every route to prove it.
 */

/** The roles a user can hold, from most to least powerful. */
export const ROLES = [
  'admin',
  'coordinator',
  'monitor',
  'analyst',
  'verifier',
  'guarantor',
  'viewer',
] as const;

export type Role = (typeof ROLES)[number];

/** Permission verbs with what each allows. Later areas add theirs here. */
export const VERBS = {
  'account.use': 'See and manage one’s own session, password and API tokens.',
  'user.manage': 'List, add, change the role of, disable and enable users; revoke any token.',
  'record.checkpoint': 'Have the record sign a checkpoint now rather than within the second.',
  'agreement.read': 'Read actors, documents, commitments with their scores, and zones.',
  'agreement.edit': 'Import, edit and remove documents, their parts and actors.',
  'report.submit': 'Send reports (one or in batches) and import report files.',
  'incident.read': 'Read incidents with their reports and grouping explanations.',
  'report.triage': 'Accept or reject public submissions waiting for triage.',
  'incident.group': 'Merge incidents and split reports out of them, with a reason.',
  'incident.verify':
    'Take steps of the verification ladder (verified and rejected: verifiers only), hold edit locks.',
  'incident.assign': 'Assign incidents to people.',
  'incident.attribute': 'Record attribution claims, or a reasoned refusal to attribute.',
  'finding.record': 'Qualify incidents against provisions of documents, with severity.',
  'activation.respond': 'Record the responses of one’s own guarantor to its activations.',
  'webhook.manage':
    'Register webhook endpoints (the only URLs Truce calls), read and replay deliveries.',
} as const;

export type Verb = keyof typeof VERBS;

/** Which verbs each role holds. A verb not listed for a role is denied to it. */
export const ROLE_VERBS: Readonly<Record<Role, readonly Verb[]>> = {
  admin: [
    'account.use',
    'user.manage',
    'record.checkpoint',
    'agreement.read',
    'agreement.edit',
    'report.submit',
    'incident.read',
    'report.triage',
    'incident.group',
    'incident.verify',
    'incident.assign',
    'incident.attribute',
    'finding.record',
    'webhook.manage',
  ],
  coordinator: [
    'account.use',
    'record.checkpoint',
    'agreement.read',
    'agreement.edit',
    'report.submit',
    'incident.read',
    'report.triage',
    'incident.group',
    'incident.verify',
    'incident.assign',
    'incident.attribute',
    'finding.record',
  ],
  monitor: ['account.use', 'agreement.read', 'report.submit', 'incident.read'],
  analyst: [
    'account.use',
    'agreement.read',
    'agreement.edit',
    'report.submit',
    'incident.read',
    'report.triage',
    'incident.group',
    'incident.verify',
    'incident.attribute',
    'finding.record',
  ],
  verifier: [
    'account.use',
    'agreement.read',
    'incident.read',
    'incident.verify',
    'incident.attribute',
    'finding.record',
  ],
  guarantor: ['account.use', 'agreement.read', 'incident.read', 'activation.respond'],
  viewer: ['account.use', 'agreement.read', 'incident.read'],
};

/** What each role is for, shown in the CLI and the user admin screen. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  admin: 'Runs the instance: users, tokens, configuration.',
  coordinator: 'Leads the mission: assigns work, publishes bulletins.',
  monitor: 'Files reports from patrols, posts and sensors.',
  analyst: 'Groups reports into incidents and prepares findings.',
  verifier: 'Decides verification; never on incidents they reported or triaged.',
  guarantor: 'Acts for one guarantor actor: sees its activations and records responses.',
  viewer: 'Reads what the mission has made visible.',
};

/** True when the role holds the verb. */
export function roleCan(role: Role, verb: Verb): boolean {
  return ROLE_VERBS[role].includes(verb);
}

/** True when the string names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
