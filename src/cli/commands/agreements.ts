/**
 * `truce agreements ...`: lint agreement files (no database needed), import them, export a
 * stored document, print the file format's JSON Schema, list documents; `truce demo` loads the
 * built-in scenarios.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AgreementFileSchema } from '../../core/agreements/file-schema.js';
import { formatFinding } from '../../core/agreements/lint.js';
import { systemPrincipal } from '../../core/auth/principal.js';
import { DomainError } from '../../core/errors.js';
import { lintText } from '../../services/agreement-import.js';
import { loadScenarios } from '../../services/scenarios.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  stringOption,
  UsageError,
  type CliIo,
  type Command,
} from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, table, withServices } from './shared.js';

/** Default `--min-score` for `lint --strict`: below grade C (12 of 26) fails. */
export const DEFAULT_MIN_SCORE = 12;

/** A file that cannot be read as an agreement file; the message says which and why. */
class UnreadableFile extends Error {}

function readAgreementFile(path: string, io: CliIo): { text: string; format: 'yaml' | 'json' } {
  const format = /\.ya?ml$/i.test(path) ? 'yaml' : /\.json$/i.test(path) ? 'json' : undefined;
  if (format === undefined) {
    throw new UnreadableFile(`${path}: agreement files end in .yaml, .yml or .json`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(io.cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFile(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), format };
  } catch {
    // Say where the first bad byte is: decode leniently and find the replacement character.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const lines = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n');
    throw new UnreadableFile(
      `${path}:${lines.length}:${(lines[lines.length - 1] ?? '').length + 1} error the file is not UTF-8 (save it as UTF-8)`,
    );
  }
}

/** Reads every file, reporting the unreadable ones; UsageError when none can be read. */
function readAll(paths: readonly string[], io: CliIo) {
  const files: { path: string; text: string; format: 'yaml' | 'json' }[] = [];
  let unreadable = 0;
  for (const path of paths) {
    try {
      files.push({ path, ...readAgreementFile(path, io) });
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      unreadable += 1;
      io.stderr(`${error.message}\n`);
    }
  }
  if (files.length === 0) throw new UsageError('no file could be read');
  return { files, unreadable };
}

export const agreementsLintCommand: Command = {
  name: 'agreements lint',
  summary: 'Check agreement files like a linter: errors, then each commitment’s concreteness.',
  usage: 'agreements lint FILE... [--strict] [--min-score N] [--quiet]',
  options: {
    strict: { type: 'boolean' },
    'min-score': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  optionHelp: {
    strict: `exit 1 when a commitment scores below --min-score (default ${DEFAULT_MIN_SCORE} of 26)`,
    'min-score': 'the lowest acceptable score with --strict (0-26)',
    quiet: 'print errors and warnings only, not concreteness points',
    help: 'show this help',
  },
  positionals: ['FILE...'],
  examples: [
    'truce agreements lint draft.yaml',
    'truce agreements lint scenarios/*/*.yaml --strict --min-score 14',
  ],
  async run(args, io) {
    const minText = stringOption(args, 'min-score');
    const minScore = minText === undefined ? DEFAULT_MIN_SCORE : Number(minText);
    if (!Number.isInteger(minScore) || minScore < 0 || minScore > 26) {
      throw new UsageError(`--min-score must be a whole number from 0 to 26, got "${minText}"`);
    }
    const strict = args.values['strict'] === true;
    const quiet = args.values['quiet'] === true;
    const { files: readable, unreadable } = readAll(args.positionals, io);
    let errors = unreadable;
    let below = 0;
    for (const { path, text, format } of readable) {
      const result = lintText(text, format);
      for (const finding of result.findings) {
        if (quiet && finding.rule.startsWith('point-')) continue;
        io.stdout(`${formatFinding(path, finding)}\n`);
      }
      errors += result.errorCount;
      for (const card of result.scorecards) {
        const { total, grade } = card.scorecard;
        const low = total < minScore;
        if (low) below += 1;
        io.stdout(
          `${path}:${card.line}:${card.column} score commitment ${card.commitmentId}: ${total}/26 (grade ${grade})${strict && low ? ` below ${minScore}` : ''}\n`,
        );
      }
    }
    const files = args.positionals.length;
    io.stderr(
      `${files} file${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}${strict ? `, ${below} commitment${below === 1 ? '' : 's'} below ${minScore}` : ''}\n`,
    );
    return errors > 0 || (strict && below > 0) ? EXIT_FAILED : EXIT_OK;
  },
};

export const agreementsImportCommand: Command = {
  name: 'agreements import',
  summary: 'Store agreement files; each is all-or-nothing, and a re-import records only changes.',
  usage: 'agreements import FILE... [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: ['FILE...'],
  examples: ['truce agreements import minsk-ii.yaml budapest.yaml'],
  async run(args, io) {
    const { files, unreadable } = readAll(args.positionals, io);
    return withServices(args, io, async (services) => {
      let failed = unreadable;
      for (const file of files) {
        try {
          const outcome = await services.agreements.importText(
            { text: file.text, format: file.format, name: file.path },
            systemPrincipal('cli'),
          );
          for (const w of outcome.warnings) io.stderr(`${w.path} warning ${w.message}\n`);
          const what = outcome.created
            ? 'created'
            : outcome.recorded === 0
              ? 'unchanged'
              : 'updated';
          io.stdout(
            `${file.path}: document ${outcome.documentId} ${what} (${outcome.saved} parts saved, ${outcome.removed} removed)\n`,
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          failed += 1;
          for (const d of error.details) io.stderr(`${d.path} error ${d.message}\n`);
          io.stderr(`${error.message}\n`);
        }
      }
      return failed > 0 ? EXIT_FAILED : EXIT_OK;
    });
  },
};

export const agreementsExportCommand: Command = {
  name: 'agreements export',
  summary: 'Write a stored document as an agreement file (importing it gives the same document).',
  usage: 'agreements export ID [--format yaml|json] [--out FILE] [--db URL]',
  options: { ...DATA_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  optionHelp: {
    format: 'yaml (default) or json',
    out: 'write to this file instead of standard output',
    ...DATA_OPTION_HELP,
  },
  positionals: ['ID'],
  examples: ['truce agreements export minsk-ii-2015 --out minsk-ii.yaml'],
  async run(args, io) {
    const format = stringOption(args, 'format') ?? 'yaml';
    if (format !== 'yaml' && format !== 'json') {
      throw new UsageError(`--format must be yaml or json, got "${format}"`);
    }
    const id = args.positionals[0] ?? '';
    const text = await withServices(args, io, (s) => s.agreements.exportText(id, format));
    const out = stringOption(args, 'out');
    if (out === undefined) io.stdout(text);
    else {
      try {
        writeFileSync(resolve(io.cwd, out), text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(`cannot write ${out}: ${code}`);
      }
    }
    return EXIT_OK;
  },
};

export const agreementsSchemaCommand: Command = {
  name: 'agreements schema',
  summary: 'Print the JSON Schema of agreement files.',
  usage: 'agreements schema',
  options: { help: { type: 'boolean', short: 'h' } },
  optionHelp: { help: 'show this help' },
  positionals: [],
  examples: ['truce agreements schema > agreement.schema.json'],
  async run(_args, io) {
    io.stdout(`${JSON.stringify(AgreementFileSchema, null, 2)}\n`);
    return EXIT_OK;
  },
};

export const agreementsListCommand: Command = {
  name: 'agreements list',
  summary: 'List stored documents with their status, contradictions and scores.',
  usage: 'agreements list [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: [],
  examples: ['truce agreements list'],
  async run(args, io) {
    const documents = await withServices(args, io, (s) => s.agreements.list());
    const rows = documents.map((d) => [
      d.id,
      d.kind,
      d.status ? `${d.status.status} (${d.status.date})` : '-',
      d.contradictions === 0 ? '-' : String(d.contradictions),
      String(d.commitments),
      d.scores ? `${d.scores.lowest.total}-${d.scores.highest.total}/26` : '-',
    ]);
    io.stdout(table(['ID', 'KIND', 'STATUS', 'CONTRADICTIONS', 'COMMITMENTS', 'SCORES'], rows));
    return EXIT_OK;
  },
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load the built-in scenarios (Ukraine guarantees 2026, Minsk II 2015) as documents.',
  usage: 'demo [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: [],
  examples: ['truce demo', 'truce demo --db postgres://localhost/truce'],
  async run(args, io) {
    const results = await withServices(args, io, (s) => loadScenarios(s.agreements));
    for (const { file, outcome } of results) {
      const what = outcome.created ? 'created' : outcome.recorded === 0 ? 'unchanged' : 'updated';
      io.stdout(`${file}: ${outcome.documentId} ${what}\n`);
    }
    return results.length > 0 ? EXIT_OK : EXIT_FAILED;
  },
};
