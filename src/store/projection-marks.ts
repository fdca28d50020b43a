/**
 * Marks in `projection_marks`: a token per name that changes with every write to what it stands
 * for, so a process that keeps something built from the tables (the grouping index, the trigger
 * engine's commitment index) sees whether another process, or a rolled-back transaction, moved
 * them on.
 */
import type { Db } from './transactions.js';

/** Sets a mark's token, creating the mark at its first write. */
export async function writeMark(tx: Db, name: string, token: string): Promise<void> {
  await tx
    .insertInto('projection_marks')
    .values({ name, token })
    .onConflict((oc) => oc.column('name').doUpdateSet({ token }))
    .execute();
}

/** A mark's token; null before its first write. */
export async function readMark(db: Db, name: string): Promise<string | null> {
  const mark = await db
    .selectFrom('projection_marks')
    .select('token')
    .where('name', '=', name)
    .executeTakeFirst();
  return mark?.token ?? null;
}
