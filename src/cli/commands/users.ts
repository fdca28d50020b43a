/** `truce users ...`: add, list, change role, disable, enable, reset password. */
import { ROLES } from '../../core/auth/permissions.js';
import { systemPrincipal } from '../../core/auth/principal.js';
import type { User } from '../../core/auth/users.js';
import {
  EXIT_OK,
  requiredOption,
  stringOption,
  UsageError,
  type Command,
  type CliIo,
  type ParsedArgs,
} from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, table, withServices } from './shared.js';

const by = systemPrincipal('cli');

const ROLE_HELP = `role: ${ROLES.join(', ')}`;
const ACTOR_HELP = 'actor id a guarantor acts for (required with --role guarantor), e.g. GBR';

async function passwordFromStdin(args: ParsedArgs, io: CliIo): Promise<string | undefined> {
  if (args.values['password-stdin'] !== true) return undefined;
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  if (password === '')
    throw new UsageError('--password-stdin was given but standard input is empty');
  return password;
}

function announcePassword(io: CliIo, name: string, generated: string | undefined) {
  if (generated !== undefined) {
    io.stdout(`Password for ${name} (shown once, store it now): ${generated}\n`);
  }
}

function describeUser(user: User): string {
  const actor = user.actor === null ? '' : ` for ${user.actor}`;
  return `${user.name} (${user.role}${actor}${user.disabledAt === null ? '' : ', disabled'})`;
}

export const usersAddCommand: Command = {
  name: 'users add',
  summary: 'Add a user. Without --password-stdin a password is generated and printed once.',
  usage: 'users add NAME --role ROLE [--actor ACTOR] [--password-stdin] [--db URL]',
  options: {
    ...DATA_OPTIONS,
    role: { type: 'string' },
    actor: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  optionHelp: {
    role: ROLE_HELP,
    actor: ACTOR_HELP,
    'password-stdin': 'read the password from standard input',
    ...DATA_OPTION_HELP,
  },
  positionals: ['NAME'],
  examples: [
    'truce users add olena --role verifier',
    'truce users add uk-desk --role guarantor --actor GBR',
    'printf \'%s\' "$PASSWORD" | truce users add bot --role monitor --password-stdin',
  ],
  async run(args, io) {
    const [name = ''] = args.positionals;
    const role = requiredOption(args, 'role');
    const password = await passwordFromStdin(args, io);
    return withServices(args, io, async (services) => {
      const { user, generatedPassword } = await services.users.add(
        { name, role, actor: stringOption(args, 'actor') ?? null, password },
        by,
      );
      io.stdout(`Added ${describeUser(user)}.\n`);
      announcePassword(io, user.name, generatedPassword);
      return EXIT_OK;
    });
  },
};

export const usersListCommand: Command = {
  name: 'users list',
  summary: 'List users with role, actor and status.',
  usage: 'users list [--json] [--db URL]',
  options: { ...DATA_OPTIONS, json: { type: 'boolean' } },
  optionHelp: { json: 'print JSON, one array of users', ...DATA_OPTION_HELP },
  positionals: [],
  examples: ['truce users list', 'truce users list --json'],
  run: (args, io) =>
    withServices(args, io, async (services) => {
      const users = await services.users.list();
      if (args.values['json'] === true) {
        io.stdout(`${JSON.stringify(users, null, 2)}\n`);
        return EXIT_OK;
      }
      io.stdout(
        table(
          ['NAME', 'ROLE', 'ACTOR', 'STATUS', 'CREATED'],
          users.map((u) => [
            u.name,
            u.role,
            u.actor ?? '',
            u.disabledAt === null ? 'enabled' : 'disabled',
            u.createdAt,
          ]),
        ),
      );
      return EXIT_OK;
    }),
};

export const usersSetRoleCommand: Command = {
  name: 'users set-role',
  summary: 'Change a user’s role (and, for a guarantor, the actor it acts for).',
  usage: 'users set-role NAME --role ROLE [--actor ACTOR] [--db URL]',
  options: { ...DATA_OPTIONS, role: { type: 'string' }, actor: { type: 'string' } },
  optionHelp: { role: ROLE_HELP, actor: ACTOR_HELP, ...DATA_OPTION_HELP },
  positionals: ['NAME'],
  examples: [
    'truce users set-role olena --role analyst',
    'truce users set-role fr-desk --role guarantor --actor FRA',
  ],
  async run(args, io) {
    const [name = ''] = args.positionals;
    const role = requiredOption(args, 'role');
    return withServices(args, io, async (services) => {
      const user = await services.users.setRole(
        name,
        role,
        stringOption(args, 'actor') ?? null,
        by,
      );
      io.stdout(`${describeUser(user)}: role set.\n`);
      return EXIT_OK;
    });
  },
};

function toggleCommand(verb: 'disable' | 'enable'): Command {
  return {
    name: `users ${verb}`,
    summary:
      verb === 'disable'
        ? 'Disable a user: sessions end at once and API tokens stop working. Refused for the last admin.'
        : 'Enable a disabled user again.',
    usage: `users ${verb} NAME [--db URL]`,
    options: DATA_OPTIONS,
    optionHelp: DATA_OPTION_HELP,
    positionals: ['NAME'],
    examples: [`truce users ${verb} olena`],
    run: (args, io) =>
      withServices(args, io, async (services) => {
        const [name = ''] = args.positionals;
        const user = await services.users[verb](name, by);
        io.stdout(`${describeUser(user)}: ${verb}d.\n`);
        return EXIT_OK;
      }),
  };
}

export const usersDisableCommand = toggleCommand('disable');
export const usersEnableCommand = toggleCommand('enable');

export const usersResetPasswordCommand: Command = {
  name: 'users reset-password',
  summary:
    'Set a new password for a user (generated and printed once unless read from stdin); their sessions end.',
  usage: 'users reset-password NAME [--password-stdin] [--db URL]',
  options: { ...DATA_OPTIONS, 'password-stdin': { type: 'boolean' } },
  optionHelp: { 'password-stdin': 'read the password from standard input', ...DATA_OPTION_HELP },
  positionals: ['NAME'],
  examples: ['truce users reset-password admin'],
  async run(args, io) {
    const [name = ''] = args.positionals;
    const password = await passwordFromStdin(args, io);
    return withServices(args, io, async (services) => {
      const { generatedPassword } = await services.users.setPassword(name, password, by);
      io.stdout(`Password of ${name} changed; their sessions have ended.\n`);
      announcePassword(io, name, generatedPassword);
      return EXIT_OK;
    });
  },
};
