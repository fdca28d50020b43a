/**
 * Reading agreements back: a document as a file (export), as a page (with scorecards and
 * contradictions), summaries for lists, commitments, zones as GeoJSON, version texts and diffs.
 */
import { scoreCommitment, type Scorecard } from '../core/agreements/concreteness.js';
import {
  AGREEMENT_FORMAT,
  type Actor,
  type AgreementDocument,
  type AgreementFile,
  type Commitment,
  type DocumentVersion,
  type Provision,
} from '../core/agreements/file-schema.js';
import {
  currentClaim,
  findContradictions,
  type Contradiction,
  type IdentifiedClaim,
} from '../core/agreements/status-history.js';
import type { StoredVersion, StoredZone } from '../core/agreements/stored.js';
import { diffTexts, type VersionDiff } from '../core/agreements/version-diff.js';
import { DomainError } from '../core/errors.js';
import { findActors, findDocument, listParts, type StoredPart } from '../store/agreement-store.js';
import { getContent } from '../store/content-store.js';
import type { Store } from '../store/database.js';

type Db = Store['db'];

/** A document with everything stored about it. */
export interface DocumentBundle {
  readonly document: AgreementDocument;
  readonly updatedAt: string;
  readonly actors: Actor[];
  readonly versions: StoredVersion[];
  readonly claims: IdentifiedClaim[];
  readonly provisions: Provision[];
  readonly commitments: Commitment[];
  readonly zones: StoredZone[];
}

/** A commitment with its scorecard. */
export interface ScoredCommitment {
  readonly documentId: string;
  readonly commitment: Commitment;
  readonly scorecard: Scorecard;
}

/** Loads a document and its parts; NOT_FOUND when there is none. */
export async function loadBundle(db: Db, id: string): Promise<DocumentBundle> {
  const header = await findDocument(db, id);
  if (header === undefined) {
    throw new DomainError('NOT_FOUND', `no document "${id}"`, [
      { path: 'id', message: 'no such document' },
    ]);
  }
  const parts = await listParts(db, id);
  const of = <K extends StoredPart['part']>(kind: K) =>
    parts
      .filter((p) => p.part === kind)
      .map((p) => p.body as Extract<StoredPart, { part: K }>['body']);
  const commitments = of('commitment');
  return {
    document: header.document,
    updatedAt: header.updatedAt,
    // The actors the file listed, in its order (older imports: those the document refers to).
    actors: await listedActors(db, parts, referencedActors(header.document, commitments)),
    versions: of('version'),
    claims: of('claim'),
    provisions: of('provision'),
    commitments,
    zones: of('zone'),
  };
}

async function listedActors(
  db: Db,
  parts: readonly StoredPart[],
  referenced: readonly string[],
): Promise<Actor[]> {
  const listed = parts.filter((p) => p.part === 'actor').map((p) => p.id);
  const ids = listed.length > 0 ? listed : referenced;
  const found = await findActors(db, ids);
  return ids.flatMap((id) => found.filter((a) => a.id === id));
}

/** Every actor id a document refers to, in first-mention order. */
export function referencedActors(
  document: AgreementDocument,
  commitments: readonly Commitment[],
): string[] {
  const ids = new Set<string>(document.roles.map((r) => r.actor));
  for (const c of commitments) {
    ids.add(c.obligor);
    if (c.beneficiary) ids.add(c.beneficiary);
    for (const a of c.trigger?.actors ?? []) ids.add(a);
    if (c.trigger?.determinedBy?.actor) ids.add(c.trigger.determinedBy.actor);
    for (const a of c.trigger?.determinedBy?.vetoHolders ?? []) ids.add(a);
  }
  return [...ids];
}

/** Scores a stored commitment in its document's context. */
export function scoreStored(
  bundle: Pick<DocumentBundle, 'document' | 'versions'>,
  commitment: Commitment,
): Scorecard {
  const versions: DocumentVersion[] = bundle.versions.map(({ size: _size, ...v }) => ({
    ...v,
    text: '',
  }));
  return scoreCommitment(commitment, { document: bundle.document, versions });
}

/** The document as an agreement file, texts included: importing it gives the same document. */
export async function exportBundle(db: Db, bundle: DocumentBundle): Promise<AgreementFile> {
  const versions: DocumentVersion[] = [];
  for (const { size: _size, sha256, ...version } of bundle.versions) {
    const content = await getContent(db, sha256);
    if (content === undefined)
      throw new Error(`content ${sha256} of version ${version.id} is missing`);
    versions.push({ ...version, text: new TextDecoder().decode(content.data) });
  }
  const zones = bundle.zones.map(({ geometry, ...zone }) =>
    zone.buffer ? zone : { ...zone, geometry },
  );
  const actors = bundle.actors;
  return {
    truce: AGREEMENT_FORMAT,
    document: bundle.document,
    actors,
    ...(versions.length > 0 ? { versions } : {}),
    ...(bundle.claims.length > 0 ? { statusHistory: bundle.claims } : {}),
    ...(bundle.provisions.length > 0 ? { provisions: bundle.provisions } : {}),
    ...(bundle.commitments.length > 0 ? { commitments: bundle.commitments } : {}),
    ...(zones.length > 0 ? { zones } : {}),
  };
}

/** A document's current status claim and the contradictions in its history. */
export function statusOf(claims: readonly IdentifiedClaim[]): {
  current: IdentifiedClaim | undefined;
  contradictions: Contradiction[];
} {
  return { current: currentClaim(claims), contradictions: findContradictions(claims) };
}

/** The text of a version; NOT_FOUND for an unknown version. */
export async function versionText(
  db: Db,
  bundle: DocumentBundle,
  versionId: string,
): Promise<string> {
  const version = bundle.versions.find((v) => v.id === versionId);
  if (version === undefined) {
    throw new DomainError(
      'NOT_FOUND',
      `document "${bundle.document.id}" has no version "${versionId}"`,
      [
        {
          path: 'version',
          message: `no such version; known: ${bundle.versions.map((v) => v.id).join(', ') || 'none'}`,
        },
      ],
    );
  }
  const content = await getContent(db, version.sha256);
  if (content === undefined) throw new Error(`content ${version.sha256} is missing`);
  return new TextDecoder().decode(content.data);
}

/** The word diff between two versions of a document. */
export async function diffVersions(
  db: Db,
  bundle: DocumentBundle,
  from: string,
  to: string,
): Promise<VersionDiff & { from: StoredVersion; to: StoredVersion }> {
  const before = await versionText(db, bundle, from);
  const after = await versionText(db, bundle, to);
  const find = (id: string) => bundle.versions.find((v) => v.id === id) as StoredVersion;
  return { ...diffTexts(before, after), from: find(from), to: find(to) };
}
