/**
 * The shapes of the session, users, tokens, the instance and the record the server sends and
 * accepts under /api/v1, as its schemas write them once (types only, nothing is bundled), and
 * the roles and verbs the shell checks, typed against the server's permission table.
 */
import type { Role, Verb } from '../../src/core/auth/permissions.js';

export type { Problem } from '../../src/http/schemas/common.js';
export type { Instance } from '../../src/http/schemas/instance.js';
export type { Entry, InclusionProof, RecordState } from '../../src/http/schemas/record.js';
export type { Session } from '../../src/http/schemas/session.js';
export type { Token } from '../../src/http/schemas/tokens.js';
export type { NewUser, RoleInfo, User, UserChange } from '../../src/http/schemas/users.js';

/** The guarantor role, the only one bound to an actor. */
export const GUARANTOR_ROLE = 'guarantor' satisfies Role;

/** The verb that opens user administration. */
export const USER_MANAGE_VERB = 'user.manage' satisfies Verb;

/** The verb that opens the agreements area (every role holds it). */
export const AGREEMENT_READ_VERB = 'agreement.read' satisfies Verb;

/** The verb that opens the monitoring area (incidents). */
export const INCIDENT_READ_VERB = 'incident.read' satisfies Verb;

/** The verb that allows importing report files. */
export const REPORT_SUBMIT_VERB = 'report.submit' satisfies Verb;
