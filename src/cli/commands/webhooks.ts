/** `truce webhooks ...`: register, list, disable and enable the endpoints alerts are sent to. */
import { systemPrincipal } from '../../core/auth/principal.js';
import type { WebhookFilters } from '../../services/webhooks-service.js';
import { EXIT_OK, requiredOption, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, table, withServices } from './shared.js';

const by = systemPrincipal('cli');

/** The repeatable (or comma-separated) values of an option. */
function listOption(args: Parameters<Command['run']>[0], name: string): string[] | undefined {
  const raw = args.values[name];
  const values = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length === 0 ? undefined : values;
}

export const webhooksAddCommand: Command = {
  name: 'webhooks add',
  summary: 'Register an endpoint for signed alerts; its secret is printed once.',
  usage:
    'webhooks add URL [--description TEXT] [--obligor ACTOR ...] [--commitment DOC/ID ...] [--zone DOC/ZONE ...] [--bbox W,S,E,N] [--type TYPE ...] [--db URL]',
  options: {
    ...DATA_OPTIONS,
    description: { type: 'string' },
    obligor: { type: 'string', multiple: true },
    commitment: { type: 'string', multiple: true },
    zone: { type: 'string', multiple: true },
    bbox: { type: 'string' },
    type: { type: 'string', multiple: true },
  },
  optionHelp: {
    description: 'what the endpoint is for',
    obligor: 'only alerts about these guarantors’ commitments (repeat, or comma-separate)',
    commitment: 'only these commitments, as <document>/<commitment>',
    zone: 'only incidents in these zones, as <document>/<zone>',
    bbox: 'only incidents in west,south,east,north (degrees)',
    type: 'only these incident types or categories',
    ...DATA_OPTION_HELP,
  },
  positionals: ['URL'],
  examples: [
    'truce webhooks add https://desk.example.gov.uk/truce --obligor GBR --description "UK desk"',
  ],
  async run(args, io) {
    const url = args.positionals[0] ?? '';
    const bboxText = stringOption(args, 'bbox');
    const bbox = bboxText?.split(',').map(Number);
    if (bbox !== undefined && (bbox.length !== 4 || bbox.some(Number.isNaN))) {
      throw new UsageError(`--bbox "${bboxText}" must be four numbers: west,south,east,north`);
    }
    const filters: WebhookFilters = {
      obligors: listOption(args, 'obligor'),
      commitments: listOption(args, 'commitment'),
      zones: listOption(args, 'zone'),
      bbox: bbox as [number, number, number, number] | undefined,
      incidentTypes: listOption(args, 'type'),
    };
    return withServices(args, io, async (services) => {
      const endpoint = await services.webhooks.register(
        { url, description: stringOption(args, 'description'), filters },
        by,
      );
      io.stderr(`Endpoint ${endpoint.id} for ${endpoint.url}; its signing secret (shown once):\n`);
      io.stdout(`${endpoint.secret}\n`);
      return EXIT_OK;
    });
  },
};

export const webhooksListCommand: Command = {
  name: 'webhooks list',
  summary: 'List webhook endpoints with their filters and state (never their secrets).',
  usage: 'webhooks list [--db URL]',
  options: { ...DATA_OPTIONS },
  optionHelp: { ...DATA_OPTION_HELP },
  positionals: [],
  examples: ['truce webhooks list'],
  run: (args, io) =>
    withServices(args, io, async (services) => {
      const endpoints = await services.webhooks.list();
      io.stdout(
        table(
          ['ID', 'URL', 'FILTERS', 'STATE'],
          endpoints.map((e) => [
            e.id,
            e.url,
            Object.keys(e.filters).length === 0 ? 'all alerts' : JSON.stringify(e.filters),
            e.disabledAt === null
              ? e.failures > 0
                ? `active, ${e.failures} failed attempts in a row`
                : 'active'
              : `disabled ${e.disabledAt}: ${e.disabledReason ?? ''}`,
          ]),
        ),
      );
      return EXIT_OK;
    }),
};

export const webhooksDisableCommand: Command = {
  name: 'webhooks disable',
  summary: 'Stop sending to an endpoint; queued alerts wait until it is enabled.',
  usage: 'webhooks disable ID --reason TEXT [--db URL]',
  options: { ...DATA_OPTIONS, reason: { type: 'string' } },
  optionHelp: { reason: 'why (shown in the list)', ...DATA_OPTION_HELP },
  positionals: ['ID'],
  examples: ['truce webhooks disable 01a2... --reason "desk moved"'],
  run: (args, io) => {
    const reason = requiredOption(args, 'reason');
    return withServices(args, io, async (services) => {
      const endpoint = await services.webhooks.disable(args.positionals[0] ?? '', reason);
      io.stdout(`Disabled ${endpoint.id} (${endpoint.url}).\n`);
      return EXIT_OK;
    });
  },
};

export const webhooksEnableCommand: Command = {
  name: 'webhooks enable',
  summary: 'Resume sending to an endpoint (its failure count starts again).',
  usage: 'webhooks enable ID [--db URL]',
  options: { ...DATA_OPTIONS },
  optionHelp: { ...DATA_OPTION_HELP },
  positionals: ['ID'],
  examples: ['truce webhooks enable 01a2...'],
  run: (args, io) =>
    withServices(args, io, async (services) => {
      const endpoint = await services.webhooks.enable(args.positionals[0] ?? '');
      io.stdout(`Enabled ${endpoint.id} (${endpoint.url}).\n`);
      return EXIT_OK;
    }),
};
