/**
 * The record: entries (canonical event bytes, by index), tiles of tree hashes (C2SP
 * tlog-tiles, 256 hashes of 32 bytes per full tile) and signed checkpoints.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const bytes = isPostgres ? 'bytea' : 'blob';
  await db.schema
    .createTable('record_entries')
    .addColumn('idx', 'bigint', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('record_tiles')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hashes', bytes, (c) => c.notNull())
    // Full tiles only: the tile's inner tree levels 1-7 (128 + 64 + ... + 2 hashes), so proofs
    // read nodes instead of rehashing up to 255 hashes per tile.
    .addColumn('inner', bytes)
    .addPrimaryKeyConstraint('record_tiles_pk', ['level', 'idx'])
    .execute();
  await db.schema
    .createTable('record_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['record_checkpoints', 'record_tiles', 'record_entries']) {
    await db.schema.dropTable(table).execute();
  }
}
