/** Instance-wide settings (projection of instance.* events). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** True when the demo data (with its documented passwords) was loaded into this database. */
export async function isDemoInstance(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  return row?.value === 'true';
}
