/**
 * An index of incidents by precision radius, for the operations screen's zone filter: the
 * widest radius held is read at once, and the filter widens its search box by it, so an
 * incident whose precision circle reaches into the zone from outside the box is still found.
 * A fixed margin missed incidents whose sources gave a wider radius than the vocabulary's
 * widest (a region, 50 km).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('incidents_by_radius')
    .ifNotExists()
    .on('incidents')
    .column('radius_m')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_by_radius').ifExists().execute();
}
