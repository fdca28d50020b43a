/**
 * Starts `truce serve` as a child process (through tsx, from src/) on a random port, for tests
 * that kill it, cut its clients off or stop it with a signal. Resolves with its URL and the
 * first admin's password once it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;

export function startServer(
  dbUrl: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; password: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/bin.ts',
      'serve',
      '--db',
      dbUrl,
      '--data-dir',
      dataDir,
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TRUCE_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running at (\S+)/.exec(out)?.[1];
      const password = /password: +(\S+)/.exec(out)?.[1];
      if (url && password) {
        clearTimeout(timer);
        resolve({ child, url, password });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
