/**
 * Many rows in one statement, without building a query tree per value: the SQL text depends only
 * on the table, the columns and the number of rows, so SQLite's statement cache (database.ts)
 * prepares each shape once. Used where intake writes thousands of rows per batch.
 */
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from './transactions.js';
import type { Database } from './schema.js';

/** Rows per statement: 100 rows of 20 columns stay far below both databases' parameter limits. */
const ROWS_PER_STATEMENT = 100;

const shapes = new Map<string, string>();

/** Inserts the rows (every row has exactly `columns`) into `table`, many per statement. */
export async function insertRows<T extends keyof Database & string>(
  db: Db,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: readonly Database[T][],
  options: { ignoreConflicts?: boolean } = {},
): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${slice.length}|${options.ignoreConflicts === true}`;
    let text = shapes.get(key);
    if (text === undefined) {
      let n = 0;
      const tuple = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`;
      text =
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ` +
        slice.map(tuple).join(', ') +
        (options.ignoreConflicts === true ? ' on conflict do nothing' : '');
      shapes.set(key, text);
    }
    const parameters: unknown[] = [];
    for (const row of slice) {
      for (const column of columns)
        parameters.push((row as unknown as Record<string, unknown>)[column]);
    }
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

/** Splits ids into lists short enough for an `in (...)` on either database. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const lists: T[][] = [];
  for (let i = 0; i < items.length; i += size) lists.push(items.slice(i, i + size));
  return lists;
}
