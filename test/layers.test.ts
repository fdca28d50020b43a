// The layering rules of docs/ARCHITECTURE.md are lint rules (eslint.config.js); these tests
// lint small sources as if they lived in each layer, so a rule that stops firing fails here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && /restricted/.test(m.ruleId))
    .map((m) => m.message);
}

const sqlOnly = 'services build no SQL: add a store function in src/store';

describe('only the store builds SQL', () => {
  it.each([
    ['a select', "export const q = (db: any) => db.selectFrom('users').selectAll().execute();"],
    ['an insert', "export const q = (tx: any) => tx.insertInto('users').values({}).execute();"],
    ['an update', "export const q = (tx: any) => tx.updateTable('users').set({}).execute();"],
    ['a delete', "export const q = (tx: any) => tx.deleteFrom('users').execute();"],
    [
      'a sql template',
      "import { sql } from 'kysely';\nexport const q = (db: any) => sql`select 1`.execute(db);",
    ],
    ['raw sql', "import { sql } from 'kysely';\nexport const q = sql.raw('select 1');"],
  ])('refuses %s in a service', async (_what, code) => {
    const messages = await layerMessages('src/services/example-service.ts', code);
    expect(messages).toContain(sqlOnly);
  });

  it('refuses SQL in a CLI command too', async () => {
    const code = "export const q = (db: any) => db.selectFrom('users').execute();";
    expect(await layerMessages('src/cli/commands/example.ts', code)).toContain(sqlOnly);
  });

  it('refuses Kysely and the row types in a service', async () => {
    const kysely = "import type { Kysely } from 'kysely';\nexport type Db = Kysely<never>;";
    const rows = "import type { UserRow } from '../store/schema.js';\nexport type R = UserRow;";
    const rowsOnly = 'services call store functions; SQL and row types stay in src/store';
    for (const code of [kysely, rows]) {
      const messages = await layerMessages('src/services/example-service.ts', code);
      expect(messages.join('\n')).toContain(rowsOnly);
    }
  });

  it('lets the store build SQL', async () => {
    const query = "export const q = (db: any) => db.selectFrom('users').selectAll().execute();";
    expect(await layerMessages('src/store/example-store.ts', query)).toEqual([]);
  });

  it("lets a service's tests query the tables they check", async () => {
    const code = "export const q = (db: any) => db.selectFrom('users').selectAll().execute();";
    expect(await layerMessages('src/services/example-service.test.ts', code)).toEqual([]);
  });
});

describe('the other layers', () => {
  it('keeps the core free of I/O', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;";
    const messages = await layerMessages('src/core/reports/example.ts', code);
    expect(messages.join('\n')).toMatch(/core is pure/);
  });

  it('keeps routes away from the store', async () => {
    const code = "import { record } from '../../store/record.js';\nexport const r = record;";
    const messages = await layerMessages('src/http/routes/example.ts', code);
    expect(messages.join('\n')).toMatch(/HTTP code calls services, never the store/);
  });
});

describe("the API's schemas", () => {
  const browserSafe = 'API schemas import only typebox';

  it.each([
    ['node', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;"],
    [
      'fastify',
      "import type { FastifyInstance } from 'fastify';\nexport type F = FastifyInstance;",
    ],
    [
      'a service',
      "import { MAX_BULK } from '../../services/accountability/index.js';\nexport const m = MAX_BULK;",
    ],
    ['the store', "import type { Tx } from '../../store/transactions.js';\nexport type T = Tx;"],
  ])('refuses an import of %s, which the web app could not follow', async (_what, code) => {
    const messages = await layerMessages('src/http/schemas/example.ts', code);
    expect(messages.join('\n')).toContain(browserSafe);
  });

  it('lets a schema import typebox, another schema and the core', async () => {
    const code = [
      "import { Type } from 'typebox';",
      "import { Nullable } from './common.js';",
      "import { SEVERITIES } from '../../core/agreements/vocabulary.js';",
      'export const S = Nullable(Type.String({ enum: [...SEVERITIES] }));',
    ].join('\n');
    expect(await layerMessages('src/http/schemas/example.ts', code)).toEqual([]);
  });
});
