/**
 * `truce import FILE --format ...`: reads a report file with the importers (streaming), sends
 * the rows in batches through the same intake as the API, shows progress, and ends with a
 * summary and a reject file listing every rejected row with its line and reason. Valid rows
 * land even when others are bad, unless --all-or-nothing.
 */
import { createWriteStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { systemPrincipal } from '../../core/auth/principal.js';
import {
  DateFormatAmbiguity,
  IMPORT_FORMATS,
  ImportUsageError,
  readReports,
  type ImportFormat,
  type ImportRow,
} from '../../importers/index.js';
import type { IntakeResult } from '../../services/reports-service.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  requiredOption,
  stringOption,
  UsageError,
  type Command,
} from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, withServices } from './shared.js';

const BATCH = 1000;

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
    rejects: 'where to write rejected rows (default: FILE.rejects.csv next to the file)',
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
    const rejectsPath = resolve(io.cwd, stringOption(args, 'rejects') ?? `${path}.rejects.csv`);
    const allOrNothing = args.values['all-or-nothing'] === true;
    const source = stringOption(args, 'source');
    const dateFormat = stringOption(args, 'date-format');
    const rows = readReports({
      path,
      format: format as ImportFormat,
      ...(source === undefined ? {} : { source }),
      ...(map === undefined ? {} : { map }),
      ...(dateFormat === undefined ? {} : { dateFormat }),
    });
    return withServices(args, io, async (services) => {
      const rejects = createWriteStream(rejectsPath);
      rejects.write('line,field,severity,message\n');
      const counts = { read: 0, accepted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 };
      const seen = new Set<string>();
      let sourceName: string | undefined;
      const pending: ImportRow[] = [];
      const held: ImportRow[] = [];
      const by = systemPrincipal('import');
      const flush = async (batch: ImportRow[]) => {
        if (batch.length === 0) return;
        const results = await services.reports.submit(
          batch.map((row) => ({ value: row.report, original: row.original })),
          by,
        );
        results.forEach((result, i) => tally(result, batch[i] as ImportRow));
      };
      const tally = (result: IntakeResult, row: ImportRow) => {
        if (result.status === 'accepted') counts[result.replaces ? 'updated' : 'accepted'] += 1;
        else if (result.status === 'duplicate') counts.unchanged += 1;
        else {
          counts.rejected += 1;
          for (const p of result.problems) writeReject(row.line, p.path, 'error', p.message);
        }
      };
      const writeReject = (line: number, field: string, severity: string, message: string) =>
        rejects.write(`${line},${csvCell(field)},${severity},${csvCell(message)}\n`);
      try {
        for await (const row of rows) {
          counts.read += 1;
          if (row.sourceRecordId) seen.add(row.sourceRecordId);
          for (const p of row.problems) {
            if (p.severity === 'warning') counts.warnings += 1;
            writeReject(row.line, p.field, p.severity, p.message);
          }
          if (row.report === undefined) {
            counts.rejected += 1;
            continue;
          }
          sourceName ??= row.report.source.name;
          (allOrNothing ? held : pending).push(row);
          if (pending.length >= BATCH) await flush(pending.splice(0));
          if (counts.read % 10_000 === 0)
            io.stderr(`… ${counts.read.toLocaleString('en')} rows read\n`);
        }
        if (allOrNothing && counts.rejected > 0) {
          io.stderr(
            `${basename(path)}: ${counts.rejected} of ${counts.read} rows rejected; nothing stored (--all-or-nothing). Rejected rows: ${rejectsPath}\n`,
          );
          return EXIT_FAILED;
        }
        for (let i = 0; i < held.length; i += BATCH) await flush(held.slice(i, i + BATCH));
        await flush(pending.splice(0));
      } catch (error) {
        if (error instanceof ImportUsageError || error instanceof DateFormatAmbiguity) {
          throw new UsageError(error.message);
        }
        throw error;
      } finally {
        await new Promise((done) => rejects.end(done));
      }
      const gone =
        sourceName === undefined
          ? []
          : (await services.reports.knownSourceRecords(sourceName)).filter((id) => !seen.has(id));
      io.stdout(
        [
          `${basename(path)}: ${counts.read} rows read`,
          `  ${counts.accepted} new reports, ${counts.updated} updated, ${counts.unchanged} unchanged`,
          `  ${counts.rejected} rejected, ${counts.warnings} warnings (listed in ${rejectsPath})`,
          ...(gone.length > 0
            ? [
                `  ${gone.length} earlier records of ${sourceName} are not in this file: ${gone.slice(0, 20).join(', ')}${gone.length > 20 ? ', ...' : ''}`,
              ]
            : []),
          '',
        ].join('\n'),
      );
      return counts.rejected > 0 ? EXIT_FAILED : EXIT_OK;
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

/** A CSV cell, quoted, with formula starts (= + - @) neutralised for spreadsheet users. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
