import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/cli-io.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/support/dialects.js';
import { main } from '../main.js';

describeEachDialect('truce webhooks', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(() => database.drop());

  const run = async (...argv: string[]) => {
    const c = captureIo();
    const code = await main([...argv, '--db', database.url], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('adds an endpoint with filters, prints its secret once, lists, disables and enables it', async () => {
    const added = await run(
      'webhooks',
      'add',
      'https://desk.example.org/truce',
      '--obligor',
      'GBR,FRA',
      '--type',
      'kinetic_remote',
      '--bbox',
      '30,44,41,53',
    );
    expect(added.code).toBe(0);
    const secret = added.out.trim();
    expect(secret).toMatch(/^whsec_/);
    const id = /Endpoint (\S+) for/.exec(added.err)?.[1] ?? '';
    const listed = await run('webhooks', 'list');
    expect(listed.out).toContain(id);
    expect(listed.out).toContain('"obligors":["GBR","FRA"]');
    expect(listed.out).toContain('"bbox":[30,44,41,53]');
    expect(listed.out).not.toContain(secret);
    expect((await run('webhooks', 'disable', id, '--reason', 'desk moved')).code).toBe(0);
    expect((await run('webhooks', 'list')).out).toContain('desk moved');
    expect((await run('webhooks', 'enable', id)).code).toBe(0);
    expect((await run('webhooks', 'list')).out).toMatch(/active\s*$/m);
  });

  it('refuses a bad URL, a bad bbox and an unknown endpoint with the reason', async () => {
    const badUrl = await run('webhooks', 'add', 'ftp://desk.example.org');
    expect(badUrl.code).not.toBe(0);
    expect(badUrl.err).toContain('only http and https');
    const badBox = await run('webhooks', 'add', 'https://x.example.org', '--bbox', '1,2,3');
    expect(badBox.code).toBe(2);
    expect(badBox.err).toContain('--bbox');
    const unknown = await run('webhooks', 'enable', 'nothing');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('no webhook endpoint "nothing"');
  });
});
