import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cellOf } from '../../core/geo/cells.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/support/dialects.js';
import { migrateToLatest, openStore, type Store } from '../database.js';
import { MIGRATIONS } from './index.js';
import { up as addCells } from './0006-incident-cells.js';
import { up as addListIndex } from './0007-incident-list-index.js';

describeEachDialect(
  'migrations 0006 and 0007: map cells and the list index of incidents',
  (dialect) => {
    let database: TestDatabase;
    let store: Store;
    beforeEach(async () => {
      database = await createTestDatabase(dialect);
      store = await openStore(database.url);
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    it('gives every located incident the cell cellOf gives, and may run again', async () => {
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
        ...(store.schema === undefined ? {} : { migrationTableSchema: store.schema }),
      });
      const before = await migrator.migrateTo('0005-grouping-index');
      expect(before.error).toBeUndefined();
      const places: [number | null, number | null][] = [
        [37.5606, 48.7232],
        [37.25, 48.25],
        [-180, -90],
        [180, 90],
        [179.99, -16.9],
        [-0.0001, 0],
        [null, null],
      ];
      const old = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      await old
        .insertInto('incidents')
        .values(
          places.map(([lon, lat], i) => ({
            id: `i${i}`,
            type: 'shelling',
            status: 'reported',
            observed_from: '2022-04-08T10:00:00.000Z',
            observed_to: '2022-04-08T10:00:00.000Z',
            lon,
            lat,
            radius_m: lon === null ? null : 100,
            report_count: 1,
            source_count: 1,
            search_text: '',
          })),
        )
        .execute();
      await migrateToLatest(store);
      // Interrupted and run again: the same result, no error.
      await addCells(store.db as unknown as Kysely<unknown>);
      const rows = await store.db
        .selectFrom('incidents')
        .select(['id', 'lon', 'lat', 'cell'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.cell)).toEqual(
        places.map(([lon, lat]) => (lon === null || lat === null ? null : cellOf(lon, lat))),
      );
    });

    it('migration 0007 puts the list index in place of the cell index, and may run again', async () => {
      await migrateToLatest(store);
      await addListIndex(store.db as unknown as Kysely<unknown>);
      const names = await sql<{ name: string }>`${
        dialect === 'postgres'
          ? sql`select indexname as name from pg_indexes where tablename = 'incidents' and schemaname = current_schema()`
          : sql`select name from sqlite_master where type = 'index' and tbl_name = 'incidents'`
      }`.execute(store.db);
      const indexes = names.rows.map((r) => r.name);
      expect(indexes).toContain('incidents_by_cell_listed');
      expect(indexes).not.toContain('incidents_by_cell');
    });
  },
);
