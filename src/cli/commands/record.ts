/** `truce record ...` and `truce rebuild`: verify, show, checkpoint, rebuild projections. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hashLeaf, toBase64 } from '../../core/record/hash.js';
import { parseVerifierKey, type NoteVerifier } from '../../core/record/note.js';
import { readRecordKey, recordKeyPath } from '../../services/record-key.js';
import { auditRemote, httpFetcher } from '../remote-audit.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  stringOption,
  UsageError,
  type CliIo,
  type Command,
  type ParsedArgs,
} from '../command.js';
import { configFrom, DATA_OPTION_HELP, DATA_OPTIONS, withServices } from './shared.js';

function verifierFrom(args: ParsedArgs, io: CliIo): NoteVerifier {
  const keyText = stringOption(args, 'key');
  if (keyText !== undefined) {
    const key = parseVerifierKey(keyText);
    if ('error' in key) throw new UsageError(`--key: ${key.error}`);
    return key;
  }
  const path = recordKeyPath(configFrom(args, io).dataDir);
  if (!existsSync(path))
    throw new UsageError(`no record key at ${path}; pass --key with the log's verifier key`);
  return readRecordKey(path);
}

export const recordVerifyCommand: Command = {
  name: 'record verify',
  summary:
    'Verify the record: locally (tree, checkpoints, projections) or, with --url, from outside over HTTP.',
  usage: 'record verify [--db URL | --url URL [--trusted FILE]] [--key VKEY]',
  options: {
    ...DATA_OPTIONS,
    url: { type: 'string' },
    trusted: { type: 'string' },
    key: { type: 'string' },
  },
  optionHelp: {
    url: 'verify a server over HTTP only, as an outside auditor',
    trusted:
      'with --url: a checkpoint trusted earlier; the new one must be consistent with it, and replaces it',
    key: 'the verifier key (name+id+base64); locally defaults to the data directory’s key, remotely to the server’s',
    ...DATA_OPTION_HELP,
  },
  positionals: [],
  examples: [
    'truce record verify',
    'truce record verify --url https://monitor.example.org --trusted ./checkpoint.txt --key "monitor.example.org/record+1a2b3c4d+AX..."',
  ],
  async run(args, io) {
    const url = stringOption(args, 'url');
    if (url !== undefined) return verifyRemote(url, args, io);
    if (stringOption(args, 'trusted') !== undefined) throw new UsageError('--trusted needs --url');
    const verifier = verifierFrom(args, io);
    return withServices(args, io, async (services) => {
      const report = await services.record.audit(verifier);
      if (report.problems.length > 0) {
        io.stderr(`Record verification FAILED: ${report.problems[0]}\n`);
        for (const problem of report.problems.slice(1)) io.stderr(`  also: ${problem}\n`);
        return EXIT_FAILED;
      }
      io.stdout(
        `Record verified: ${report.size} entries, ${report.checkpoints} checkpoint(s) signed by ${verifier.name}, ${report.rows} projection rows match a replay.\n`,
      );
      return EXIT_OK;
    });
  },
};

async function verifyRemote(url: string, args: ParsedArgs, io: CliIo): Promise<number> {
  if (!/^https?:\/\//.test(url))
    throw new UsageError(`--url "${url}" must start with http:// or https://`);
  let verifier: NoteVerifier;
  const keyText = stringOption(args, 'key');
  if (keyText === undefined) {
    const served = new TextDecoder()
      .decode(await httpFetcher(`${url.replace(/\/+$/, '')}/record/key`))
      .trim();
    const parsed = parseVerifierKey(served);
    if ('error' in parsed) throw new UsageError(`the server's key is malformed: ${parsed.error}`);
    io.stderr(`Trusting the key the server presents (${served}); pin it with --key.\n`);
    verifier = parsed;
  } else {
    verifier = verifierFrom(args, io);
  }
  const trustedPath = stringOption(args, 'trusted');
  const trustedNote =
    trustedPath !== undefined && existsSync(trustedPath)
      ? readFileSync(trustedPath, 'utf8')
      : undefined;
  if (trustedPath !== undefined && trustedNote === undefined) {
    io.stderr(
      `No trusted checkpoint at ${trustedPath} yet: verifying from scratch, then saving one there.\n`,
    );
  }
  const result = await auditRemote(url, verifier, trustedNote);
  if (!result.ok) {
    io.stderr(`Record verification FAILED: ${result.problem}\n`);
    return EXIT_FAILED;
  }
  const since =
    result.consistentFrom === undefined
      ? ''
      : `, consistent with the trusted checkpoint of size ${result.consistentFrom}`;
  io.stdout(
    `Record at ${url} verified: ${result.checkpoint.size} entries, root ${toBase64(result.checkpoint.root)}${since}.\n`,
  );
  if (trustedPath !== undefined) {
    writeFileSync(`${trustedPath}.tmp`, result.note);
    renameSync(`${trustedPath}.tmp`, trustedPath);
    io.stdout(`Saved the checkpoint to ${trustedPath}.\n`);
  }
  return EXIT_OK;
}

export const recordShowCommand: Command = {
  name: 'record show',
  summary: 'Print one record entry: its event, canonical bytes and leaf hash.',
  usage: 'record show INDEX [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: ['INDEX'],
  examples: ['truce record show 0'],
  async run(args, io) {
    const [indexText = ''] = args.positionals;
    if (!/^\d+$/.test(indexText))
      throw new UsageError(`INDEX "${indexText}" must be a whole number`);
    return withServices(args, io, async (services) => {
      const [entry] = await services.record.entries(Number(indexText), 1);
      if (entry === undefined) {
        io.stderr(
          `truce record show: no entry ${indexText}; the record has ${await services.record.size()}\n`,
        );
        return EXIT_FAILED;
      }
      io.stdout(
        `${JSON.stringify({ index: entry.index, leafHash: toBase64(hashLeaf(entry.bytes)), event: entry.event }, null, 2)}\n`,
      );
      return EXIT_OK;
    });
  },
};

export const recordCheckpointCommand: Command = {
  name: 'record checkpoint',
  summary: 'Sign a checkpoint of the record now with the data directory’s key, and print it.',
  usage: 'record checkpoint [--db URL] [--data-dir DIR]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: [],
  examples: ['truce record checkpoint'],
  async run(args, io) {
    const path = recordKeyPath(configFrom(args, io).dataDir);
    if (!existsSync(path))
      throw new UsageError(`no record key at ${path}; start the server once to create it`);
    return withServices(
      args,
      io,
      async (services) => {
        await services.record.signCheckpoint();
        io.stdout((await services.record.checkpoint())?.note ?? '');
        return EXIT_OK;
      },
      { recordSigner: readRecordKey(path) },
    );
  },
};

export const rebuildCommand: Command = {
  name: 'rebuild',
  summary: 'Rebuild every projection (read table) from the record alone, in one transaction.',
  usage: 'rebuild [--db URL]',
  options: DATA_OPTIONS,
  optionHelp: DATA_OPTION_HELP,
  positionals: [],
  examples: ['truce rebuild', 'truce rebuild && truce record verify'],
  run: (args, io) =>
    withServices(args, io, async (services) => {
      const { events, rows } = await services.record.rebuild();
      io.stdout(`Rebuilt the projections from ${events} record entries: ${rows} rows.\n`);
      return EXIT_OK;
    }),
};
