/** `truce migrate`: apply pending database migrations. */
import { pendingMigrations } from '../../store/database.js';
import { upgradeStore } from '../../services/record-rebuild.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, withServices } from './shared.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations (the server also applies them at start).',
  usage: 'migrate [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: [],
  examples: ['truce migrate', 'truce migrate --db postgres://127.0.0.1:5432/truce'],
  run: (args, io) =>
    withServices(
      args,
      io,
      async ({ store }) => {
        const pending = await pendingMigrations(store);
        const { applied, rebuilt } = await upgradeStore(store);
        io.stdout(
          pending.length === 0
            ? `Database ${store.displayUrl} is up to date.\n`
            : `Applied ${applied.length} migration(s) to ${store.displayUrl}: ${applied.join(', ')}\n${rebuilt ? 'Rebuilt the projections from the record, for what the new migrations add.\n' : ''}`,
        );
        return EXIT_OK;
      },
      // Open without migrating, so the command can say what it applied.
      { migrate: false },
    ),
};
