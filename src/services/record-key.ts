/**
 * The record's signing key: an Ed25519 key in signed-note form, generated on first start and kept
 * in the data directory with mode 0600. Its name is the checkpoint origin, fixed at creation.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config.js';
import {
  encodeSignerKey,
  parseSignerKey,
  signerFromSeed,
  type NoteSigner,
} from '../core/record/note.js';

/** The key file's name inside the data directory. */
export const RECORD_KEY_FILE = 'record.key';

/** Where the key of a data directory lives. */
export function recordKeyPath(dataDir: string): string {
  return join(dataDir, RECORD_KEY_FILE);
}

/**
 * Loads the key from the data directory, or creates it (mode 0600) on first start with `origin`
 * as its name. Throws ConfigError when the file is unreadable or malformed, or when an explicit
 * origin contradicts the key's.
 */
export function loadOrCreateRecordKey(
  dataDir: string,
  origin: string,
  explicitOrigin: boolean,
): NoteSigner {
  const path = recordKeyPath(dataDir);
  if (!existsSync(path)) createKeyFile(path, origin);
  const signer = readRecordKey(path);
  if (explicitOrigin && signer.name !== origin) {
    throw new ConfigError(
      `TRUCE_RECORD_ORIGIN is "${origin}" but the record key ${path} signs for "${signer.name}"; the origin of a log cannot change`,
    );
  }
  return signer;
}

/**
 * Writes a new key durably and exclusively: to a temporary file, synced, then linked into place
 * (which fails if another process got there first; its key then wins), then the directory synced.
 * A crash can leave a stray temporary file, never a half-written key.
 */
function createKeyFile(path: string, origin: string): void {
  const signer = signerFromSeed(origin, new Uint8Array(randomBytes(32)));
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${encodeSignerKey(signer)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** Reads an existing key file. Throws ConfigError when it is missing or malformed. */
export function readRecordKey(path: string): NoteSigner {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read the record key ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const parsed = parseSignerKey(text);
  if ('error' in parsed)
    throw new ConfigError(`the record key ${path} is malformed: ${parsed.error}`);
  // Tighten permissions a copy or an old umask left too open.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return parsed;
}
