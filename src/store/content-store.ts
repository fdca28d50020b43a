/**
 * The content store: texts and files addressed by their SHA-256. The record refers to content
 * by hash; the bytes live here once, however many events refer to them.
 */
import type { Db } from './transactions.js';

/** Stored content and what it is. */
export interface Content {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/** Stores content under its hash unless it is already there. The caller computed the hash. */
export async function putContent(tx: Db, content: Content, at: string): Promise<void> {
  await tx
    .insertInto('contents')
    .values({
      sha256: content.sha256,
      size: content.size,
      media_type: content.mediaType,
      data: content.data,
      stored_at: at,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The content with this hash, or undefined. */
export async function getContent(db: Db, sha256: string): Promise<Content | undefined> {
  const row = await db
    .selectFrom('contents')
    .select(['sha256', 'size', 'media_type', 'data'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return (
    row && {
      sha256: row.sha256,
      size: Number(row.size),
      mediaType: row.media_type,
      data: new Uint8Array(row.data),
    }
  );
}

/** Which of these hashes have content stored. */
export async function storedHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('contents')
      .select('sha256')
      .where('sha256', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.sha256);
  }
  return found;
}
