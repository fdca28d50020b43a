/**
 * Incidents get the map cell of their place (core/geo/cells.ts: a quarter degree), indexed with
 * their time, id and place (a covering index), so a list for a small map area finds its page in
 * the index instead of reading a strip of longitude across the whole map. Existing incidents get theirs here.
 */
import type { Kysely } from 'kysely';
import { cellOf } from '../../core/geo/cells.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('cell', 'integer').execute();
  const incidents = db as unknown as Kysely<{
    incidents: { id: string; lon: number | null; lat: number | null; cell: number | null };
  }>;
  let after = '';
  for (;;) {
    const rows = await incidents
      .selectFrom('incidents')
      .select(['id', 'lon', 'lat'])
      .where('id', '>', after)
      .where('lat', 'is not', null)
      .orderBy('id')
      .limit(5000)
      .execute();
    for (const row of rows) {
      await incidents
        .updateTable('incidents')
        .set({ cell: cellOf(row.lon ?? 0, row.lat ?? 0) })
        .where('id', '=', row.id)
        .execute();
    }
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.id;
  }
  // Covering for a bbox list: cell and place filter, time and id order the page, in the index.
  await db.schema
    .createIndex('incidents_by_cell')
    .on('incidents')
    .columns(['cell', 'observed_from', 'id', 'lat', 'lon'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_by_cell').execute();
  await db.schema.alterTable('incidents').dropColumn('cell').execute();
}
