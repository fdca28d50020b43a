/**
 * An index of the incidents whose precision radius is wider than the vocabulary's widest (a
 * region, 50 km), for the operations screen's zone filter: the widest radius held is read at
 * once, and the filter widens its search box by it, so an incident whose precision circle
 * reaches into the zone from outside the box is still found. A fixed 50 km margin missed the
 * incidents whose sources gave a wider radius. Partial: such incidents are rare, so the index
 * stays small and costs the intake of ordinary reports nothing.
 */
import { sql, type Kysely } from 'kysely';

/** The radius (metres) above which an incident is in the index: the widest precision's. */
export const WIDE_RADIUS_M = 50_000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('incidents_by_wide_radius')
    .ifNotExists()
    .on('incidents')
    .column('radius_m')
    .where(sql.ref('radius_m'), '>', sql.lit(WIDE_RADIUS_M))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_by_wide_radius').ifExists().execute();
}
