import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/support/cli-io.js';
import { COMMANDS, main } from './main.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('truce --help', () => {
  it('lists every command with examples', async () => {
    const c = captureIo();
    expect(await main(['--help'], c.io)).toBe(0);
    for (const command of COMMANDS) expect(c.stdout()).toContain(command.name);
    expect(c.stdout()).toContain('Examples:');
    expect(c.stdout()).toContain('truce serve --demo');
  });

  it.each(COMMANDS.map((c) => c.name))(
    'has --help for "%s" with usage and examples',
    async (name) => {
      const c = captureIo();
      expect(await main([...name.split(' '), '--help'], c.io)).toBe(0);
      expect(c.stdout()).toContain(`Usage: truce ${name}`);
      expect(c.stdout()).toContain('Examples:');
    },
  );

  it('lists a group’s commands for "truce users --help", and exits 2 for an unknown one', async () => {
    const help = captureIo();
    expect(await main(['users', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('users set-role');
    expect(help.stdout()).not.toContain('tokens create');
    const unknown = captureIo();
    expect(await main(['tokens', 'burn'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('truce: unknown command "tokens burn"');
    expect(unknown.stderr()).toContain('tokens revoke');
  });

  it('prints the overview and exits 2 when no command is given', async () => {
    const c = captureIo();
    expect(await main([], c.io)).toBe(2);
    expect(c.stdout()).toContain('Commands:');
  });
});

describe('bad usage exits 2 with one clear line and no stack trace', () => {
  it.each([
    [['launch'], 'truce: unknown command "launch"; see truce --help'],
    [
      ['users', 'add', 'x', '--role', 'viewer', '--colour', 'red'],
      'truce users add: unknown option --colour (see truce users add --help)',
    ],
    [['users', 'add', '--role', 'viewer'], 'truce users add: expected NAME, got none'],
    [['users', 'add', 'x'], 'truce users add: --role is required'],
    [
      ['tokens', 'create', '--user', 'x', '--expires-days', 'soon'],
      '--expires-days "soon" must be a whole number of days',
    ],
    [
      ['migrate', '--db', 'mysql://h/x'],
      'truce migrate: --db: "mysql://h/x" is not a database URL',
    ],
    [
      ['serve', '--port', 'http'],
      'truce serve: --port "http" must be a port number from 0 to 65535',
    ],
  ])('%o', async (argv, message) => {
    const c = captureIo();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.stderr()).toContain(message);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
    expect(c.stderr()).not.toMatch(/\n\s+at /);
  });

  it('reports an unreachable database', async () => {
    const c = captureIo();
    expect(await main(['users', 'list', '--db', 'postgres://127.0.0.1:1/truce'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(
      /^truce users list: cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/truce: .*ECONNREFUSED/,
    );
  });

  it('reports an unwritable data directory', async () => {
    // A path below a regular file cannot be created, whoever runs the test (root included).
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    const c = captureIo();
    expect(await main(['serve', '--data-dir', join(file, 'data'), '--port', '0'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(
      /data directory .*file\/data is not writable \(ENOTDIR\); set --data-dir or TRUCE_DATA_DIR/,
    );
  });

  it('reports a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const c = captureIo();
      expect(await main(['serve', '--data-dir', tempDir(), '--port', String(port)], c.io)).toBe(2);
      expect(c.stderr()).toBe(
        `truce serve: port ${port} on 127.0.0.1 is already in use; choose another with --port or TRUCE_PORT\n`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('truce serve', () => {
  it('creates the first admin with a password printed once, serves, and stops on a signal', async () => {
    const dataDir = tempDir();
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const c = captureIo({ env: { TRUCE_LOG_LEVEL: 'silent' }, untilStopped: () => stopped });
    const running = main(['serve', '--data-dir', dataDir, '--port', '0'], c.io);
    await expect.poll(() => c.stdout(), { timeout: 15_000 }).toContain('Truce is running at');
    const url = /running at (\S+)/.exec(c.stdout())?.[1] ?? '';
    const password = /password: +(\S+)/.exec(c.stdout())?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-9-]{24}$/);

    const login = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const instance = (await (await fetch(`${url}/api/v1/instance`)).json()) as { demo: boolean };
    expect(instance.demo).toBe(false);

    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(c.stderr()).toContain('Received SIGTERM');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    // A second start on the same data keeps the users and prints no password.
    const again = captureIo({
      env: { TRUCE_LOG_LEVEL: 'silent' },
      untilStopped: async () => 'SIGINT',
    });
    expect(await main(['serve', '--data-dir', dataDir, '--port', '0'], again.io)).toBe(0);
    expect(again.stdout()).toContain('Sign in with an existing user');
    expect(again.stdout()).not.toContain('password:');
  });

  it('with --demo on an empty database, prints the demo users and their passwords', async () => {
    const c = captureIo({ env: { TRUCE_LOG_LEVEL: 'silent' }, untilStopped: async () => 'SIGINT' });
    expect(await main(['serve', '--demo', '--data-dir', tempDir(), '--port', '0'], c.io)).toBe(0);
    expect(c.stdout()).toContain('Demo data loaded');
    expect(c.stdout()).toMatch(/guarantor +guarantor \(GBR\) +demo-guarantor-pass/);
  });
});
