/** The shape of a CLI command, its I/O, argument parsing and exit codes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command may use of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads standard input to its end. */
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Resolves when a long-running command (serve) should stop; defaults to SIGTERM/SIGINT. */
  readonly untilStopped?: () => Promise<string>;
}

export const EXIT_OK = 0;
/** The command ran but the action failed (not found, conflict). */
export const EXIT_FAILED = 1;
/** Bad usage or configuration: unknown flag, bad value, unreachable database, port in use. */
export const EXIT_USAGE = 2;

/** Wrong usage; the message says what, and the command's --help says how. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** Words after `truce`, e.g. `users add`. */
  readonly name: string;
  readonly summary: string;
  /** Usage line after `truce `, e.g. `users add NAME --role ROLE [--actor ACTOR]`. */
  readonly usage: string;
  readonly options: OptionSpec;
  /** Option descriptions, by option name. */
  readonly optionHelp: Readonly<Record<string, string>>;
  readonly examples: readonly string[];
  /** How many positional arguments it takes, and their names; a last name ending in `...` takes one or more. */
  readonly positionals: readonly string[];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Parses a command's arguments strictly. Throws UsageError on unknown or malformed flags. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: command.options,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new UsageError(message.replace(/^Unknown option '(.+?)'.*/, 'unknown option $1'));
  }
  const variadic = command.positionals[command.positionals.length - 1]?.endsWith('...') === true;
  const countOk = variadic
    ? parsed.positionals.length >= command.positionals.length
    : parsed.positionals.length === command.positionals.length;
  if (!countOk) {
    const expected =
      command.positionals.length === 0 ? 'no arguments' : command.positionals.join(' ');
    throw new UsageError(
      `expected ${expected}, got ${parsed.positionals.length === 0 ? 'none' : parsed.positionals.join(' ')}`,
    );
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A required string option's value; throws UsageError when missing. */
export function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** The help text of a command. */
export function commandHelp(command: Command): string {
  const lines = [`${command.summary}`, '', `Usage: truce ${command.usage}`, ''];
  const names = Object.keys(command.optionHelp);
  if (names.length > 0) {
    lines.push('Options:');
    const width = Math.max(...names.map((n) => optionLabel(command, n).length));
    for (const name of names)
      lines.push(`  ${optionLabel(command, name).padEnd(width)}  ${command.optionHelp[name]}`);
    lines.push('');
  }
  if (command.examples.length > 0) {
    lines.push('Examples:', ...command.examples.map((e) => `  ${e}`), '');
  }
  return lines.join('\n');
}

function optionLabel(command: Command, name: string): string {
  if (name === 'help') return '-h, --help';
  const spec = command.options[name];
  return spec?.type === 'string' ? `--${name} VALUE` : `--${name}`;
}
