/** Process entry point of `truce`: real I/O, then exit with main's code. */
import { main } from './main.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
// Whatever is still holding the event loop (a connection cut at shutdown, a stuck client) must
// not keep the process alive once the command has finished.
setTimeout(() => process.exit(code), 2000).unref();
