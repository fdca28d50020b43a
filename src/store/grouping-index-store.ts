/**
 * The grouping index (core/incidents/grouping-index.ts) of each database: the candidates a new
 * report is scored against, kept in memory beside the tables. A token in `projection_marks`
 * changes at every write that changes what it holds; a writer whose index carries another token
 * (another process wrote, or a transaction rolled back) rebuilds it from the tables.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { GroupingIndex } from '../core/incidents/grouping-index.js';
import { readMark, writeMark } from './projection-marks.js';
import { pointOf } from './report-rows.js';
import type { Database } from './schema.js';
import { inReadSnapshot, rootOf, type Db } from './transactions.js';

// The grouping index of each database, with the token of the write it reflects.
const indexes = new WeakMap<Kysely<Database>, { index: GroupingIndex; token: string | null }>();
const MARK = 'grouping_index';

/** The grouping index of the transaction's database, rebuilt when the tables moved on. */
export async function openIndex(tx: Db): Promise<GroupingIndex> {
  const root = rootOf(tx);
  const token = await readMark(tx, MARK);
  const cached = indexes.get(root);
  const index =
    cached !== undefined && cached.token === token ? cached.index : await buildIndex(tx);
  // The caller is about to change the index: until stampIndex records the change with a new
  // token, the index matches no token, so a transaction that fails before the stamp (and rolls
  // the tables back) leaves an index the next writer rebuilds.
  indexes.set(root, { index, token: UNSTAMPED });
  return index;
}

/** The token of an index changed by a write not stamped yet: equal to no stored token. */
const UNSTAMPED = 'unstamped';

/**
 * Makes every process rebuild its grouping index at its next write (the tables were rewritten
 * under it, by a projection rebuild): a new token in the table, and this process's index dropped.
 */
export async function forgetGroupingIndex(tx: Db): Promise<void> {
  await writeMark(tx, MARK, randomUUID());
  indexes.delete(rootOf(tx));
}

/**
 * Builds the grouping index of a database ahead of the first write (at server start), from a
 * read snapshot: the first write finds it current unless something was written meanwhile.
 */
export async function prepareGroupingIndex(db: Kysely<Database>): Promise<void> {
  const built = await inReadSnapshot(db, async (snapshot) => {
    const token = await readMark(snapshot, MARK);
    return { index: await buildIndex(snapshot), token };
  });
  if (!indexes.has(db)) indexes.set(db, built);
}

/** Marks the index as reflecting this transaction's writes (a new token in the table and here). */
export async function stampIndex(tx: Db): Promise<void> {
  const token = randomUUID();
  await writeMark(tx, MARK, token);
  const cached = indexes.get(rootOf(tx));
  if (cached !== undefined) cached.token = token;
}

/** An index of every placed, current, located report, read in pages by id. */
async function buildIndex(tx: Db): Promise<GroupingIndex> {
  const index = new GroupingIndex();
  let after = '';
  for (;;) {
    const rows = await tx
      .selectFrom('reports')
      .select(['id', 'lon', 'lat', 'radius_m', 'observed_from', 'observed_to', 'type'])
      .where('id', '>', after)
      .where('incident_id', 'is not', null)
      .where('superseded_by', 'is', null)
      .where('lat', 'is not', null)
      .orderBy('id')
      .limit(20_000)
      .execute();
    index.load(rows.map(pointOf));
    const last = rows.at(-1);
    if (last === undefined || rows.length < 20_000) break;
    after = last.id;
  }
  index.seal();
  return index;
}
