/** One typed function per Truce API endpoint the browser app uses. */
import { request, requestText, uploadFile, type UploadProgress } from './api';
import type {
  Entry,
  InclusionProof,
  Instance,
  NewUser,
  RecordState,
  Session,
  UserChange,
} from './api-types';
import type { EntryList } from '../../src/http/schemas/record.js';
import type { CreatedToken, TokenList } from '../../src/http/schemas/tokens.js';
import type { AddedUser, RoleList, UserAnswer, UserList } from '../../src/http/schemas/users.js';
import type {
  CommitmentView,
  Diff,
  DocumentList,
  DocumentView,
  VersionText,
  ZoneCollection,
} from './areas/agreements/types';
import type {
  ImportFormat,
  ImportSummary,
  IncidentList,
  IncidentView,
} from './areas/monitoring/types';

const API = '/api/v1';

/** Public facts about the instance, including whether it runs with demo data. */
export const getInstance = () => request<Instance>('GET', `${API}/instance`);

/** The current session; fails with UNAUTHENTICATED when signed out. */
export const getSession = () => request<Session>('GET', `${API}/session`);

/** Signs in; the server sets the session cookie. */
export const signIn = (username: string, password: string) =>
  request<Session>('POST', `${API}/session`, { username, password });

/** Ends the current session. */
export const signOut = () => request<undefined>('DELETE', `${API}/session`);

/** Changes the signed-in user's password; the server then ends all of the user's sessions. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<undefined>('POST', `${API}/account/password`, { currentPassword, newPassword });

/** Every role with its description and verbs. */
export const listRoles = () => request<RoleList>('GET', `${API}/roles`).then((body) => body.roles);

/** Every user. */
export const listUsers = () => request<UserList>('GET', `${API}/users`).then((body) => body.users);

/** Adds a user; `password` is present in the answer only when the server generated it. */
export const addUser = (user: NewUser) => request<AddedUser>('POST', `${API}/users`, user);

/** Changes a user's role, actor binding or disabled state. */
export const updateUser = (name: string, change: UserChange) =>
  request<UserAnswer>('PATCH', `${API}/users/${encodeURIComponent(name)}`, change).then(
    (body) => body.user,
  );

/** The signed-in user's own API tokens. */
export const listTokens = () =>
  request<TokenList>('GET', `${API}/tokens`).then((body) => body.tokens);

/** Creates an API token; the secret is returned only in this answer. */
export const createToken = (label: string, expiresInDays?: number) =>
  request<CreatedToken>(
    'POST',
    `${API}/tokens`,
    expiresInDays === undefined ? { label } : { label, expiresInDays },
  );

/** Revokes one of the signed-in user's API tokens. */
export const revokeToken = (id: string) =>
  request<undefined>('DELETE', `${API}/tokens/${encodeURIComponent(id)}`);

/** The record's origin, size, verifier key and latest checkpoint. */
export const getRecord = () => request<RecordState>('GET', `${API}/record`);

/** Record entries `from`, `from + 1`, … at most `limit` of them (the server allows 100). */
export const listRecordEntries = (from: number, limit: number) =>
  request<EntryList>(
    'GET',
    `${API}/record/entries?from=${encodeURIComponent(from)}&limit=${encodeURIComponent(limit)}`,
  ).then((body) => body.entries);

/** The record entry of an event, by the event id a decision names. */
export const getRecordEntryOfEvent = (eventId: string) =>
  request<Entry>('GET', `${API}/record/events/${encodeURIComponent(eventId)}`);

/** The inclusion proof of entry `index` in the tree of the first `size` entries. */
export const getInclusionProof = (index: number, size: number) =>
  request<InclusionProof>(
    'GET',
    `${API}/record/proof/inclusion?index=${encodeURIComponent(index)}&size=${encodeURIComponent(size)}`,
  );

/** The latest signed checkpoint as a C2SP signed note, exactly as served to log clients. */
export const getCheckpointNote = () => requestText('/record/checkpoint');

/** The record's verifier key, `name+hexid+base64`, as served to log clients. */
export const getVerifierKey = () => requestText('/record/key');

/** Every document with its current status, contradictions and score range. */
export const listDocuments = () =>
  request<DocumentList>('GET', `${API}/documents`).then((body) => body.documents);

/** One document: parties, status history, versions, provisions, commitments, zones. */
export const getDocument = (id: string) =>
  request<DocumentView>('GET', `${API}/documents/${encodeURIComponent(id)}`);

/** The full text of one version of a document. */
export const getVersionText = (id: string, versionId: string) =>
  request<VersionText>(
    'GET',
    `${API}/documents/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`,
  );

/** The word-by-word difference from version `from` to version `to` of a document. */
export const getVersionDiff = (id: string, from: string, to: string) =>
  request<Diff>(
    'GET',
    `${API}/documents/${encodeURIComponent(id)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );

/** One commitment with its scorecard, provision and the document's actors. */
export const getCommitment = (id: string, commitmentId: string) =>
  request<CommitmentView>(
    'GET',
    `${API}/documents/${encodeURIComponent(id)}/commitments/${encodeURIComponent(commitmentId)}`,
  );

/** Zones as GeoJSON: every document's, or only those of `documentId`. */
export const getZones = (documentId: string | null) =>
  request<ZoneCollection>(
    'GET',
    documentId === null
      ? `${API}/zones`
      : `${API}/zones?document=${encodeURIComponent(documentId)}`,
  );

/** Where a document's agreement file downloads from, as YAML or JSON. */
export const documentExportUrl = (id: string, format: 'yaml' | 'json') =>
  `${API}/documents/${encodeURIComponent(id)}/export?format=${format}`;

/** What the incident list asks for: words, types, and the cursor of the page after the last. */
export interface IncidentQuery {
  readonly q?: string;
  readonly types?: readonly string[];
  readonly cursor?: string | null;
  readonly limit?: number;
}

/** A page of incidents, newest first, filtered by words in report texts and by type. */
export const listIncidents = (query: IncidentQuery) => {
  const params = new URLSearchParams();
  if (query.q !== undefined && query.q !== '') params.set('q', query.q);
  if (query.types !== undefined && query.types.length > 0)
    params.set('type', query.types.join(','));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor !== undefined && query.cursor !== null) params.set('cursor', query.cursor);
  const search = params.toString();
  return request<IncidentList>('GET', `${API}/incidents${search === '' ? '' : `?${search}`}`);
};

/** Where every incident matching the filters downloads from as CSV (all pages at once). */
export const incidentsCsvUrl = (query: Pick<IncidentQuery, 'q' | 'types'>) => {
  const params = new URLSearchParams();
  if (query.q !== undefined && query.q !== '') params.set('q', query.q);
  if (query.types !== undefined && query.types.length > 0)
    params.set('type', query.types.join(','));
  const search = params.toString();
  return `${API}/incidents.csv${search === '' ? '' : `?${search}`}`;
};

/** One incident with the zones it relates to, its reports and the grouping explanations. */
export const getIncident = (id: string) =>
  request<IncidentView>('GET', `${API}/incidents/${encodeURIComponent(id)}`);

/**
 * Merges incidents into one, with the reason kept in the record. The merged incident keeps the
 * id of the incident with the earliest report; the others are gone afterwards.
 */
export const mergeIncidents = (incidentIds: readonly string[], reason: string) =>
  request<undefined>('POST', `${API}/incidents/merge`, { incidentIds, reason });

/**
 * Moves some, but not all, of an incident's reports into a new incident, with the reason kept
 * in the record; the moved reports are never grouped back automatically.
 */
export const splitIncident = (id: string, reportIds: readonly string[], reason: string) =>
  request<undefined>('POST', `${API}/incidents/${encodeURIComponent(id)}/split`, {
    reportIds,
    reason,
  });

/** Where a piece of evidence downloads from, by its SHA-256. */
export const evidenceUrl = (sha256: string) => `${API}/evidence/${encodeURIComponent(sha256)}`;

/** The options of a report-file import. */
export interface ImportOptions {
  readonly format: ImportFormat;
  readonly source?: string;
  readonly dateFormat?: string;
  readonly allOrNothing?: boolean;
}

/** The import endpoint's path with `options` in its query. */
export function importPath(options: ImportOptions): string {
  const params = new URLSearchParams({ format: options.format });
  if (options.source !== undefined && options.source !== '') params.set('source', options.source);
  if (options.dateFormat !== undefined && options.dateFormat !== '') {
    params.set('dateFormat', options.dateFormat);
  }
  if (options.allOrNothing === true) params.set('allOrNothing', 'true');
  return `${API}/imports?${params.toString()}`;
}

/** Uploads a report file to the importers, reporting upload progress; answers the summary. */
export const importReports = (
  file: Blob,
  options: ImportOptions,
  hooks: {
    readonly onProgress?: (progress: UploadProgress) => void;
    readonly onSent?: () => void;
    readonly signal?: AbortSignal;
  },
) => uploadFile<ImportSummary>(importPath(options), file, hooks);
