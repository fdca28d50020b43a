/** `truce tokens ...`: create, list and revoke API tokens. */
import { systemPrincipal } from '../../core/auth/principal.js';
import { EXIT_OK, requiredOption, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, table, withServices } from './shared.js';

const by = systemPrincipal('cli');

export const tokensCreateCommand: Command = {
  name: 'tokens create',
  summary: 'Create an API token for a user; the token is printed once and stored only hashed.',
  usage: 'tokens create --user NAME [--label TEXT] [--expires-days N] [--db URL]',
  options: {
    ...DATA_OPTIONS,
    user: { type: 'string' },
    label: { type: 'string' },
    'expires-days': { type: 'string' },
  },
  optionHelp: {
    user: 'the user the token acts as',
    label: 'what the token is for (default "cli")',
    'expires-days': 'days until it expires (default: never)',
    ...DATA_OPTION_HELP,
  },
  positionals: [],
  examples: [
    'truce tokens create --user monitor --label "patrol tablet 3"',
    'curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/session',
  ],
  async run(args, io) {
    const userName = requiredOption(args, 'user');
    const daysText = stringOption(args, 'expires-days');
    if (daysText !== undefined && !/^\d+$/.test(daysText)) {
      throw new UsageError(`--expires-days "${daysText}" must be a whole number of days`);
    }
    return withServices(args, io, async (services) => {
      const { token, secret } = await services.tokens.create(
        {
          userName,
          label: stringOption(args, 'label') ?? 'cli',
          expiresInDays: daysText === undefined ? undefined : Number(daysText),
        },
        by,
      );
      io.stderr(`Token ${token.id} for ${token.userName} (shown once, store it now):\n`);
      io.stdout(`${secret}\n`);
      return EXIT_OK;
    });
  },
};

export const tokensListCommand: Command = {
  name: 'tokens list',
  summary: 'List API tokens (never their secrets).',
  usage: 'tokens list [--user NAME] [--db URL]',
  options: { ...DATA_OPTIONS, user: { type: 'string' } },
  optionHelp: { user: 'only this user’s tokens', ...DATA_OPTION_HELP },
  positionals: [],
  examples: ['truce tokens list', 'truce tokens list --user monitor'],
  run: (args, io) =>
    withServices(args, io, async (services) => {
      const tokens = await services.tokens.list(stringOption(args, 'user'));
      io.stdout(
        table(
          ['ID', 'USER', 'LABEL', 'CREATED', 'EXPIRES', 'STATUS'],
          tokens.map((t) => [
            t.id,
            t.userName,
            t.label,
            t.createdAt,
            t.expiresAt ?? 'never',
            t.revokedAt === null ? 'active' : `revoked ${t.revokedAt}`,
          ]),
        ),
      );
      return EXIT_OK;
    }),
};

export const tokensRevokeCommand: Command = {
  name: 'tokens revoke',
  summary: 'Revoke an API token by id; it stops working at once.',
  usage: 'tokens revoke ID [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: ['ID'],
  examples: ['truce tokens revoke Hk3x9QpLm2Za'],
  run: (args, io) =>
    withServices(args, io, async (services) => {
      const [id = ''] = args.positionals;
      const token = await services.tokens.revoke(id, by);
      io.stdout(`Token ${token.id} of ${token.userName} revoked.\n`);
      return EXIT_OK;
    }),
};
