/**
 * Actors, documents and document parts read back as domain values (their projection is
 * projections/agreements.ts), and the token that changes with every change of the parts.
 */
import type { Actor, AgreementDocument } from '../core/agreements/file-schema.js';
import type { DocumentPart, PartKind } from '../core/agreements/stored.js';
import type { Db } from './transactions.js';
import { readMark, writeMark } from './projection-marks.js';

/** A document part as stored, with its id and position in the document's lists. */
export type StoredPart = DocumentPart & { readonly id: string; readonly position: number };

/** The mark in `projection_marks` that changes with every change of a document part. */
const PARTS_MARK = 'document_parts';

/**
 * Records that the document parts changed, in the changing transaction: processes that keep
 * something built from the parts (the trigger engine's commitment index) compare this token.
 */
export async function stampParts(tx: Db, token: string): Promise<void> {
  await writeMark(tx, PARTS_MARK, token);
}

/** The token of the last change of the document parts; null before the first stamp. */
export function partsToken(db: Db): Promise<string | null> {
  return readMark(db, PARTS_MARK);
}

/** Every actor, by id. */
export async function listActors(db: Db): Promise<Actor[]> {
  const rows = await db.selectFrom('actors').select('body').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.body) as Actor);
}

/** Actors by id (those that exist). */
export async function findActors(db: Db, ids: readonly string[]): Promise<Actor[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('actors')
    .select('body')
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.body) as Actor);
}

/** A document header with when it last changed. */
export interface DocumentHeader {
  readonly document: AgreementDocument;
  readonly updatedAt: string;
}

/** Every document header, by id. */
export async function listDocuments(db: Db): Promise<DocumentHeader[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['body', 'updated_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    document: JSON.parse(r.body) as AgreementDocument,
    updatedAt: r.updated_at,
  }));
}

/** One document header, or undefined. */
export async function findDocument(db: Db, id: string): Promise<DocumentHeader | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['body', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { document: JSON.parse(row.body) as AgreementDocument, updatedAt: row.updated_at };
}

/** A document's parts (all kinds, or one), in file order. */
export async function listParts(
  db: Db,
  documentId?: string,
  part?: PartKind,
): Promise<(StoredPart & { documentId: string })[]> {
  let query = db
    .selectFrom('document_parts')
    .select(['document_id', 'part', 'id', 'position', 'body']);
  if (documentId !== undefined) query = query.where('document_id', '=', documentId);
  if (part !== undefined) query = query.where('part', '=', part);
  const rows = await query.orderBy('document_id').orderBy('part').orderBy('position').execute();
  return rows.map(
    (r) =>
      ({
        documentId: r.document_id,
        part: r.part,
        id: r.id,
        position: r.position,
        body: JSON.parse(r.body) as unknown,
      }) as StoredPart & { documentId: string },
  );
}

/** The documents whose files list an actor. */
export async function documentsListingActor(db: Db, actorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document_parts')
    .select('document_id')
    .where('part', '=', 'actor')
    .where('id', '=', actorId)
    .orderBy('document_id')
    .execute();
  return rows.map((r) => r.document_id);
}
