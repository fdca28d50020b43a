/**
 * The `truce` command line: main(argv, io) returns the exit code, so tests call it directly.
 * Exit codes: 0 done, 1 the action failed, 2 bad usage or configuration.
 */
import { ConfigError } from '../config.js';
import { DomainError } from '../core/errors.js';
import { ListenError } from '../http/server.js';
import { StoreUnavailableError } from '../store/database.js';
import {
  commandHelp,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
  type CliIo,
  type Command,
} from './command.js';
import {
  agreementsExportCommand,
  agreementsImportCommand,
  agreementsLintCommand,
  agreementsListCommand,
  agreementsSchemaCommand,
  demoCommand,
} from './commands/agreements.js';
import { importCommand } from './commands/import.js';
import { replayCommand } from './commands/replay.js';
import { migrateCommand } from './commands/migrate.js';
import {
  rebuildCommand,
  recordCheckpointCommand,
  recordShowCommand,
  recordVerifyCommand,
} from './commands/record.js';
import { serveCommand } from './commands/serve.js';
import { tokensCreateCommand, tokensListCommand, tokensRevokeCommand } from './commands/tokens.js';
import {
  webhooksAddCommand,
  webhooksDisableCommand,
  webhooksEnableCommand,
  webhooksListCommand,
} from './commands/webhooks.js';
import {
  usersAddCommand,
  usersDisableCommand,
  usersEnableCommand,
  usersListCommand,
  usersResetPasswordCommand,
  usersSetRoleCommand,
} from './commands/users.js';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  agreementsLintCommand,
  agreementsImportCommand,
  agreementsExportCommand,
  agreementsListCommand,
  agreementsSchemaCommand,
  importCommand,
  replayCommand,
  usersAddCommand,
  usersListCommand,
  usersSetRoleCommand,
  usersDisableCommand,
  usersEnableCommand,
  usersResetPasswordCommand,
  tokensCreateCommand,
  tokensListCommand,
  tokensRevokeCommand,
  webhooksAddCommand,
  webhooksListCommand,
  webhooksDisableCommand,
  webhooksEnableCommand,
  recordVerifyCommand,
  recordShowCommand,
  recordCheckpointCommand,
  rebuildCommand,
];

/** Runs the command line; resolves to the exit code. Never throws for expected failures. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(overview());
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const command = findCommand(argv);
  const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (command === undefined && group.length > 0) {
    const asked = argv[1] === undefined || argv[1] === '--help' || argv[1] === '-h';
    (asked ? io.stdout : io.stderr)(
      `${asked ? '' : `truce: unknown command "${argv.slice(0, 2).join(' ')}"\n\n`}${listing(group)}`,
    );
    return argv[1] === '--help' || argv[1] === '-h' ? EXIT_OK : EXIT_USAGE;
  }
  if (command === undefined) {
    io.stderr(`truce: unknown command "${argv.slice(0, 2).join(' ')}"; see truce --help\n`);
    return EXIT_USAGE;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    return report(error, command, io);
  }
}

function findCommand(argv: readonly string[]): Command | undefined {
  const two = argv.slice(0, 2).join(' ');
  return COMMANDS.find((c) => c.name === two) ?? COMMANDS.find((c) => c.name === argv[0]);
}

function report(error: unknown, command: Command, io: CliIo): number {
  const prefix = `truce ${command.name}`;
  if (error instanceof UsageError) {
    io.stderr(`${prefix}: ${error.message} (see truce ${command.name} --help)\n`);
    return EXIT_USAGE;
  }
  if (
    error instanceof ConfigError ||
    error instanceof StoreUnavailableError ||
    error instanceof ListenError
  ) {
    io.stderr(`${prefix}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof DomainError) {
    io.stderr(`${prefix}: ${error.message}\n`);
    return error.code === 'VALIDATION_FAILED' ? EXIT_USAGE : EXIT_FAILED;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(`${prefix}: unexpected failure: ${detail}\n`);
  if (io.env['TRUCE_LOG_LEVEL'] === 'debug' && error instanceof Error)
    io.stderr(`${error.stack ?? ''}\n`);
  return EXIT_FAILED;
}

function listing(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return ['Commands:', ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), ''].join(
    '\n',
  );
}

function overview(): string {
  return [
    'truce: ceasefire monitoring and written security guarantees',
    '',
    'Usage: truce COMMAND [options]    (truce COMMAND --help for its options)',
    '',
    listing(COMMANDS),
    'Examples:',
    '  truce serve --demo                              run with demo data and demo users',
    '  truce users add olena --role verifier            add a user (prints a generated password)',
    '  truce tokens create --user monitor --label cam1  create an API token (printed once)',
    '  truce migrate --db postgres://127.0.0.1:5432/truce',
    '',
    'Environment: TRUCE_DATABASE_URL, TRUCE_PORT, TRUCE_HOST, TRUCE_DATA_DIR, TRUCE_LOG_LEVEL, TRUCE_TRUST_PROXY',
    '',
  ].join('\n');
}
