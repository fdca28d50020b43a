/** `truce serve`: run the server until SIGTERM or SIGINT. */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError } from '../../config.js';
import { buildApp } from '../../http/app.js';
import { listen, shutdown, waitForStopSignal } from '../../http/server.js';
import { createServices } from '../../services.js';
import { loadOrCreateRecordKey } from '../../services/record-key.js';
import type { BootstrapResult } from '../../services/bootstrap.js';
import { EXIT_FAILED, EXIT_OK, stringOption, type Command } from '../command.js';
import { configFrom, DATA_OPTION_HELP, DATA_OPTIONS, table } from './shared.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the Truce server (API, web app, OpenAPI browser at /docs).',
  usage: 'serve [--db URL] [--port N] [--host H] [--data-dir DIR] [--demo] [--map-tiles URL]',
  options: {
    ...DATA_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    'map-tiles': { type: 'string' },
  },
  optionHelp: {
    port: 'port to listen on (default TRUCE_PORT, else 8080)',
    host: 'address to listen on (default TRUCE_HOST, else 127.0.0.1)',
    demo: 'on an empty database, load the demo data and demo users with published passwords',
    'map-tiles':
      'raster tile URL template with {z}, {x}, {y} for the maps (default TRUCE_MAP_TILES, else none: an offline basemap, no request leaves the browser for it)',
    ...DATA_OPTION_HELP,
  },
  positionals: [],
  examples: [
    'truce serve --demo',
    'truce serve --port 9000 --host 0.0.0.0',
    'TRUCE_DATABASE_URL=postgres://127.0.0.1:5432/truce truce serve',
  ],
  async run(args, io) {
    const config = configFrom(args, io, {
      port: stringOption(args, 'port'),
      host: stringOption(args, 'host'),
    });
    ensureWritableDirectory(config.dataDir);
    const mapTiles = mapTilesOption(stringOption(args, 'map-tiles') ?? io.env['TRUCE_MAP_TILES']);
    const recordSigner = loadOrCreateRecordKey(
      config.dataDir,
      config.recordOrigin,
      config.recordOriginExplicit,
    );
    const services = await createServices(config.databaseUrl, { recordSigner });
    let app;
    let stopCheckpointing = () => undefined as void;
    let stopScheduler = () => undefined as void;
    let stopDispatcher = () => undefined as void;
    try {
      const demo = args.values['demo'] === true;
      const bootstrap = await services.instance.bootstrap(demo, { reports: demo });
      app = await buildApp(services, {
        logLevel: config.logLevel,
        trustProxy: config.trustProxy,
        mapTiles,
      });
      await services.record.signCheckpoint();
      const log = app.log;
      stopCheckpointing = services.record.startCheckpointing(1000, (error) =>
        log.error({ err: error }, 'signing a checkpoint failed'),
      );
      stopScheduler = services.accountability.startScheduler((error) =>
        log.error({ err: error }, 'marking overdue activations failed'),
      );
      stopDispatcher = services.webhooks.startDispatcher((error) =>
        log.error({ err: error }, 'delivering webhooks failed'),
      );
      // Build the grouping index now rather than on the first report received.
      await services.reports.prepareGrouping();
      const address = await listen(app, config.host, config.port);
      io.stdout(banner(address, services.store.displayUrl, bootstrap, services.record.verifierKey));
    } catch (error) {
      stopCheckpointing();
      stopScheduler();
      stopDispatcher();
      await app?.close();
      await services.close();
      throw error;
    }
    const signal = await (io.untilStopped ?? waitForStopSignal)();
    io.stderr(`Received ${signal}; finishing requests in flight and closing.\n`);
    stopCheckpointing();
    stopScheduler();
    stopDispatcher();
    const clean = await shutdown(app, services, undefined, () => services.record.signCheckpoint());
    if (!clean) io.stderr('Shutdown took longer than 10 s; stopping anyway.\n');
    return clean ? EXIT_OK : EXIT_FAILED;
  },
};

/**
 * The online basemap's tile URL template, checked: http(s) with {z}, {x} and {y}. Unset or
 * empty means none (the maps stay offline).
 */
export function mapTilesOption(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const template = value.trim();
  let protocol = '';
  try {
    protocol = new URL(template.replace(/[{}]/g, '')).protocol;
  } catch {
    // reported below
  }
  const placeholders = ['{z}', '{x}', '{y}'].every((p) => template.includes(p));
  if (!(protocol === 'https:' || protocol === 'http:') || !placeholders) {
    throw new ConfigError(
      `--map-tiles (or TRUCE_MAP_TILES) must be an http(s) URL with {z}, {x} and {y}; got "${template}"`,
    );
  }
  return template;
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(
      `data directory ${dir} is not writable (${reason}); set --data-dir or TRUCE_DATA_DIR`,
    );
  }
}

function banner(
  address: string,
  database: string,
  bootstrap: BootstrapResult,
  recordKey: string,
): string {
  const url = address.replace('://[::1]', '://localhost');
  const lines = [
    `Truce is running at ${url}`,
    `  database:   ${database}`,
    `  API docs:   ${url}/docs`,
    `  record key: ${recordKey}`,
    '',
  ];
  if (bootstrap.kind === 'first-admin') {
    lines.push(
      'First start: created the admin user. Its password is shown only this once:',
      `  user name: ${bootstrap.name}`,
      `  password:  ${bootstrap.password}`,
      'Add more users with `truce users add NAME --role ROLE`.',
      '',
    );
  } else if (bootstrap.kind === 'demo') {
    lines.push('Demo data loaded. Sign in with any of these demo users (passwords are public):');
    const rows = bootstrap.users.map((u) => [
      u.name,
      u.actor === null ? u.role : `${u.role} (${u.actor})`,
      u.password,
    ]);
    lines.push(table(['USER', 'ROLE', 'PASSWORD'], rows));
  } else {
    lines.push(
      'Sign in with an existing user. Lost the admin password? `truce users reset-password admin`.',
      '',
    );
  }
  lines.push('Stop with Ctrl+C.', '');
  return lines.join('\n');
}
