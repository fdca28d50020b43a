/** A CliIo that records what a command prints, for calling main(argv, io) in tests. */
import type { CliIo } from '../../src/cli/command.js';

export interface CapturedIo {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function captureIo(
  options: {
    env?: Record<string, string>;
    stdin?: string;
    cwd?: string;
    untilStopped?: () => Promise<string>;
  } = {},
): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      readStdin: async () => options.stdin ?? '',
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
      ...(options.untilStopped ? { untilStopped: options.untilStopped } : {}),
    },
    stdout: () => out,
    stderr: () => err,
  };
}
