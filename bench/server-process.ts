/** A Truce server in its own process, as deployed, for benchmarks that measure it over loopback. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

const ROOT = new URL('../', import.meta.url).pathname;

export interface BenchServer {
  readonly address: string;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts `truce serve` on the database and waits until it listens. */
export async function startBenchServer(dbUrl: string, dataDir: string): Promise<BenchServer> {
  const server: ChildProcessByStdio<null, Readable, null> = spawn(
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
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running at (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  return {
    address,
    peakRssMb() {
      const status = readFileSync(`/proc/${server.pid ?? 0}/status`, 'utf8');
      return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}
