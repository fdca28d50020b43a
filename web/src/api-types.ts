/** Shapes of the JSON the Truce server sends and accepts under /api/v1. */

/** Public facts about the running instance. */
export interface Instance {
  readonly name: string;
  readonly version: string;
  readonly demo: boolean;
  /** A raster tile URL template for maps; null or absent: the offline basemap. */
  readonly mapTiles?: string | null;
}

/** A person or machine account. `actor` binds a guarantor user to the actor it acts for. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly actor: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** The signed-in user, when the session ends, and the permission verbs it holds. */
export interface Session {
  readonly user: User;
  readonly expiresAt: string;
  readonly verbs: readonly string[];
}

/** A role with what it is for and the verbs it grants. */
export interface RoleInfo {
  readonly role: string;
  readonly description: string;
  readonly verbs: readonly string[];
}

/** An API token's public side; the secret is only ever returned at creation. */
export interface Token {
  readonly id: string;
  readonly user: string;
  readonly label: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** The latest signed checkpoint as the API reports it; the browser verifies `note` itself. */
export interface RecordCheckpointInfo {
  readonly size: number;
  /** Base64 root hash of the tree of `size` entries. */
  readonly root: string;
  /** The whole signed note (C2SP tlog-checkpoint). */
  readonly note: string;
  readonly signedAt: string;
}

/** The record (the append-only Merkle tree log of every change): origin, size, key, checkpoint. */
export interface RecordInfo {
  readonly origin: string;
  readonly size: number;
  /** The verifier key in signed-note form, `name+hexid+base64`. */
  readonly key: string;
  /** Null until the server has signed its first checkpoint. */
  readonly checkpoint: RecordCheckpointInfo | null;
}

/** One entry of the record, with its exact canonical bytes and leaf hash. */
export interface RecordEntry {
  readonly index: number;
  readonly eventId: string;
  readonly type: string;
  readonly at: string;
  readonly by: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Base64 of the canonical entry bytes that were hashed into the tree. */
  readonly entry: string;
  /** Base64 RFC 6962 leaf hash of `entry`. */
  readonly leafHash: string;
}

/** An inclusion proof of entry `index` in the tree of `size` entries; hashes in base64. */
export interface InclusionProof {
  readonly index: number;
  readonly size: number;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly root: string;
}

/** Where the server found a problem in a request, and what it is. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** Fields of a new user; omit `password` to have one generated. */
export interface NewUser {
  readonly name: string;
  readonly role: string;
  readonly actor?: string | null;
  readonly password?: string;
}

/** Changes to a user; any subset. */
export interface UserChange {
  readonly role?: string;
  readonly actor?: string | null;
  readonly disabled?: boolean;
}

/** The guarantor role, the only one bound to an actor. */
export const GUARANTOR_ROLE = 'guarantor';

/** The verb that opens user administration. */
export const USER_MANAGE_VERB = 'user.manage';

/** The verb that opens the agreements area (every role holds it). */
export const AGREEMENT_READ_VERB = 'agreement.read';

/** The verb that opens the monitoring area (incidents). */
export const INCIDENT_READ_VERB = 'incident.read';

/** The verb that allows importing report files. */
export const REPORT_SUBMIT_VERB = 'report.submit';
