import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/cli-io.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/support/dialects.js';
import { main } from '../main.js';
import { MIGRATIONS } from '../../store/migrations/index.js';

describeEachDialect('users and tokens from the command line', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(() => database.drop());

  const run = async (argv: string[], stdin?: string) => {
    const c = captureIo(stdin === undefined ? {} : { stdin });
    const code = await main([...argv, '--db', database.url], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('adds users with a generated or piped password, lists them and changes them', async () => {
    const added = await run(['users', 'add', 'olena', '--role', 'verifier']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(
      /Added olena \(verifier\)\.\nPassword for olena \(shown once, store it now\): [a-z2-9-]{24}\n/,
    );

    const piped = await run(
      ['users', 'add', 'uk-desk', '--role', 'guarantor', '--actor', 'GBR', '--password-stdin'],
      'piped-password-1\n',
    );
    expect(piped.out).toBe('Added uk-desk (guarantor for GBR).\n');

    expect((await run(['users', 'set-role', 'olena', '--role', 'analyst'])).out).toBe(
      'olena (analyst): role set.\n',
    );
    expect((await run(['users', 'disable', 'olena'])).out).toBe(
      'olena (analyst, disabled): disabled.\n',
    );

    const listed = await run(['users', 'list']);
    expect(listed.out.split('\n')[0]).toMatch(/^NAME +ROLE +ACTOR +STATUS +CREATED$/);
    expect(listed.out).toMatch(/olena +analyst +disabled/);
    expect(listed.out).toMatch(/uk-desk +guarantor +GBR +enabled/);

    const json = JSON.parse((await run(['users', 'list', '--json'])).out) as { name: string }[];
    expect(json.map((u) => u.name)).toEqual(['olena', 'uk-desk']);

    expect((await run(['users', 'enable', 'olena'])).out).toBe('olena (analyst): enabled.\n');
    const reset = await run(['users', 'reset-password', 'olena']);
    expect(reset.out).toMatch(/Password for olena \(shown once, store it now\): /);
  });

  it('fails clearly on a missing user, a taken name and a bad role', async () => {
    await run(['users', 'add', 'olena', '--role', 'viewer']);
    const taken = await run(['users', 'add', 'olena', '--role', 'viewer']);
    expect(taken).toMatchObject({
      code: 1,
      err: 'truce users add: a user named "olena" already exists\n',
    });
    const missing = await run(['users', 'disable', 'nobody']);
    expect(missing).toMatchObject({
      code: 1,
      err: 'truce users disable: no user named "nobody"\n',
    });
    const role = await run(['users', 'add', 'x2', '--role', 'wizard']);
    expect(role).toMatchObject({ code: 2, err: 'truce users add: role: unknown role "wizard"\n' });
    const empty = await run(['users', 'add', 'x3', '--role', 'viewer', '--password-stdin'], '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('standard input is empty');
  });

  it('creates a token printed once on stdout, lists it without the secret, and revokes it', async () => {
    await run(['users', 'add', 'bot', '--role', 'monitor']);
    const created = await run([
      'tokens',
      'create',
      '--user',
      'bot',
      '--label',
      'camera 4',
      '--expires-days',
      '30',
    ]);
    expect(created.code).toBe(0);
    const secret = created.out.trim();
    expect(secret).toMatch(/^truce_/);
    const id = /^truce_(.{12})_/.exec(secret)?.[1] ?? '';
    expect(created.err).toContain(`Token ${id} for bot`);

    const listed = await run(['tokens', 'list', '--user', 'bot']);
    expect(listed.out).toContain('camera 4');
    expect(listed.out).not.toContain(secret.slice(20));

    expect((await run(['tokens', 'revoke', id])).out).toBe(`Token ${id} of bot revoked.\n`);
    expect((await run(['tokens', 'list'])).out).toMatch(/revoked \d{4}-/);
    expect((await run(['tokens', 'revoke', 'nope'])).code).toBe(1);
  });

  it('migrates explicitly and then reports the database up to date', async () => {
    const first = await run(['migrate']);
    const names = Object.keys(MIGRATIONS);
    expect(first.out).toMatch(/^Applied \d+ migration\(s\) to /);
    expect(first.out).toContain(`Applied ${names.length} migration(s)`);
    expect(first.out.trim().endsWith(`: ${names.join(', ')}`)).toBe(true);
    expect((await run(['migrate'])).out).toMatch(/is up to date/);
  });
});
