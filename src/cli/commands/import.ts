/**
 * `truce import FILE --format ...`: imports a report file through the same intake as the API
 * (services/import-service.ts), shows progress, and ends with a summary and a reject file listing
 * every rejected row with its line and reason. Valid rows land even when others are bad, unless
 * --all-or-nothing.
 */
import { createWriteStream } from 'node:fs';
import { csvCell } from '../../core/csv.js';
import { basename, resolve } from 'node:path';
import { systemPrincipal } from '../../core/auth/principal.js';
import { DomainError } from '../../core/errors.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../importers/index.js';
import { importReportFile } from '../../services/import-service.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  requiredOption,
  stringOption,
  UsageError,
  type Command,
} from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, withServices } from './shared.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import reports from a data file (UCDP, ACLED, VIINA, CIR, Bellingcat, GeoJSON, CSV).',
  usage:
    'import FILE --format FORMAT [--source NAME] [--map column=field,...] [--date-format DD/MM/YYYY] [--all-or-nothing] [--rejects FILE] [--db URL]',
  options: {
    ...DATA_OPTIONS,
    format: { type: 'string' },
    source: { type: 'string' },
    map: { type: 'string', multiple: true },
    'date-format': { type: 'string' },
    'all-or-nothing': { type: 'boolean' },
    rejects: { type: 'string' },
  },
  optionHelp: {
    format: IMPORT_FORMATS.join(' | '),
    source: 'the source name for every report (default: the data set name)',
    map: 'generic CSV: column=field (repeat, or comma-separate); fields as in the report schema',
    'date-format': 'DD/MM/YYYY or MM/DD/YYYY when a date column leaves day and month undecided',
    'all-or-nothing': 'store nothing unless every row is valid',
    rejects:
      'where to write rejected rows (default: <file name>.rejects.csv in the working directory)',
    ...DATA_OPTION_HELP,
  },
  positionals: ['FILE'],
  examples: [
    'truce import ged-ukraine.csv --format ucdp',
    'truce import events.csv --format csv --map date=observedFrom --map lat=lat --map lon=lon --map kind=type',
    'truce import ucdp-mixed.csv --format ucdp --date-format MM/DD/YYYY --all-or-nothing',
  ],
  async run(args, io) {
    const path = resolve(io.cwd, args.positionals[0] ?? '');
    const format = requiredOption(args, 'format');
    if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, got "${format}"`);
    }
    const map = parseMap(args.values['map']);
    // By default in the working directory: the file's own folder may be read-only or shared.
    const rejectsPath = resolve(
      io.cwd,
      stringOption(args, 'rejects') ?? `${basename(path)}.rejects.csv`,
    );
    const source = stringOption(args, 'source');
    const dateFormat = stringOption(args, 'date-format');
    return withServices(args, io, async (services) => {
      const rejects = createWriteStream(rejectsPath);
      rejects.write('line,field,severity,message\n');
      let summary;
      try {
        summary = await importReportFile(
          services.reports,
          {
            path,
            format: format as ImportFormat,
            allOrNothing: args.values['all-or-nothing'] === true,
            ...(source === undefined ? {} : { source }),
            ...(map === undefined ? {} : { map }),
            ...(dateFormat === undefined ? {} : { dateFormat }),
          },
          systemPrincipal('import'),
          {
            onReject: (r) =>
              rejects.write(`${r.line},${csvCell(r.field)},${r.severity},${csvCell(r.message)}\n`),
            onProgress: (read) => io.stderr(`… ${read.toLocaleString('en')} rows read\n`),
          },
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
          throw new UsageError(error.details[0]?.message ?? error.message);
        }
        throw error;
      } finally {
        await new Promise((done) => rejects.end(done));
      }
      if (!summary.stored) {
        io.stderr(
          `${basename(path)}: ${summary.rejected} of ${summary.read} rows rejected; nothing stored (--all-or-nothing). Rejected rows: ${rejectsPath}\n`,
        );
        return EXIT_FAILED;
      }
      const gone = summary.disappeared;
      io.stdout(
        [
          `${basename(path)}: ${summary.read} rows read`,
          `  ${summary.accepted} new reports, ${summary.updated} updated, ${summary.unchanged} unchanged`,
          `  ${summary.rejected} rejected, ${summary.warnings} warnings (listed in ${rejectsPath})`,
          ...(gone.length > 0
            ? [
                `  ${gone.length} earlier records of ${summary.sourceName ?? ''} are not in this file: ${gone.slice(0, 20).join(', ')}${gone.length > 20 ? ', ...' : ''}`,
              ]
            : []),
          '',
        ].join('\n'),
      );
      return summary.rejected > 0 ? EXIT_FAILED : EXIT_OK;
    });
  },
};

function parseMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const entries = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const [column, field] = entry.split('=');
    if (!column || !field) throw new UsageError(`--map takes column=field, got "${entry}"`);
    map[column.trim()] = field.trim();
  }
  return map;
}
