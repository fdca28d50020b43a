/** Options and helpers every data-touching command shares. */
import { loadConfig, type Config } from '../../config.js';
import { createServices, type ServiceOptions, type Services } from '../../services.js';
import { stringOption, type CliIo, type OptionSpec, type ParsedArgs } from '../command.js';

/** `--db` and `--data-dir`, plus `--help`. */
export const DATA_OPTIONS = {
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export const DATA_OPTION_HELP = {
  db: 'database URL: sqlite:PATH or postgres://... (default TRUCE_DATABASE_URL, else sqlite:<data dir>/truce.db)',
  'data-dir': 'data directory (default TRUCE_DATA_DIR, else ./data)',
  help: 'show this help',
} as const;

/** The configuration from these arguments and the environment. */
export function configFrom(
  args: ParsedArgs,
  io: CliIo,
  extra: { port?: string | undefined; host?: string | undefined } = {},
): Config {
  return loadConfig(
    { db: stringOption(args, 'db'), dataDir: stringOption(args, 'data-dir'), ...extra },
    io.env,
    io.cwd,
  );
}

/** Opens the services for a command, runs it, and closes them whatever happens. */
export async function withServices<T>(
  args: ParsedArgs,
  io: CliIo,
  work: (services: Services) => Promise<T>,
  options: ServiceOptions = {},
): Promise<T> {
  const services = await createServices(configFrom(args, io).databaseUrl, options);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

/** Formats rows as an aligned text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
