/**
 * The projection of agreement events: actors, documents and document parts (`actors`,
 * `documents`, `document_parts`).
 */
import canonicalize from 'canonicalize';
import type { PartKind } from '../../core/agreements/stored.js';
import { stampParts } from '../agreement-store.js';
import type { Db } from '../transactions.js';
import type { EventOf } from './projector.js';

/** An actor, added or replaced. */
export async function saveActor(tx: Db, event: EventOf<'actor.saved'>): Promise<void> {
  const { actor } = event.payload;
  const row = { id: actor.id, name: actor.name, kind: actor.kind, body: canonicalJson(actor) };
  await tx
    .insertInto('actors')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ name: row.name, kind: row.kind, body: row.body }),
    )
    .execute();
}

/** A document's header, added or replaced. */
export async function saveDocument(tx: Db, event: EventOf<'document.saved'>): Promise<void> {
  const { document } = event.payload;
  const row = {
    id: document.id,
    title: document.title,
    kind: document.kind,
    body: canonicalJson(document),
    updated_at: event.at,
  };
  await tx
    .insertInto('documents')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        title: row.title,
        kind: row.kind,
        body: row.body,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** A document part (an actor it lists, a version, a zone, ...), added or replaced; the document and the parts' token change. */
export async function savePart(tx: Db, event: EventOf<'document.part_saved'>): Promise<void> {
  const { documentId, part, id, position, body } = event.payload;
  const row = {
    key: partKey(documentId, part, id),
    document_id: documentId,
    part,
    id,
    position,
    body: canonicalJson(body),
  };
  await tx
    .insertInto('document_parts')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ position: row.position, body: row.body }))
    .execute();
  await touchDocument(tx, documentId, event.at);
  await stampParts(tx, event.id);
}

/** A document part removed; the document and the parts' token change. */
export async function removePart(tx: Db, event: EventOf<'document.part_removed'>): Promise<void> {
  const { documentId, part, id } = event.payload;
  await tx
    .deleteFrom('document_parts')
    .where('key', '=', partKey(documentId, part, id))
    .execute();
  await touchDocument(tx, documentId, event.at);
  await stampParts(tx, event.id);
}

function partKey(documentId: string, part: PartKind, id: string): string {
  return `${documentId}/${part}/${id}`;
}

async function touchDocument(tx: Db, id: string, at: string): Promise<void> {
  await tx.updateTable('documents').set({ updated_at: at }).where('id', '=', id).execute();
}

/** Bodies are stored as RFC 8785 JSON, so a replay of the record writes the same bytes. */
function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('cannot store an undefined body');
  return text;
}
