/**
 * Reads the configuration once from command-line flags and the environment (flags win), checks
 * every value, and returns a frozen object. A bad value throws ConfigError whose one-line message
 * names the flag or variable.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseDatabaseUrl } from './store/database.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** `sqlite:PATH` or `postgres://...`; defaults to `sqlite:<dataDir>/truce.db`. */
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  /** Absolute path of the directory for the database file, keys and stored content. */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /**
   * Which reverse proxies' X-Forwarded-* headers to believe (client address, TLS): false for
   * none, a number of hops, or a comma-separated list of proxy addresses or CIDR ranges.
   */
  readonly trustProxy: false | number | string;
  /** The record's checkpoint origin (and signing key name), used when the key is created. */
  readonly recordOrigin: string;
  /** True when TRUCE_RECORD_ORIGIN was set (then it must match an existing key). */
  readonly recordOriginExplicit: boolean;
}

/** Flags that override the environment; undefined means "not given". */
export interface ConfigFlags {
  db?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
}

/** A configuration value is wrong; the message names it and says what is expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Builds the configuration from flags and environment. Throws ConfigError on a bad value. */
export function loadConfig(
  flags: ConfigFlags,
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): Config {
  const pick = (flag: string | undefined, flagName: string, variable: string) =>
    flag !== undefined
      ? { value: flag, source: `--${flagName}` }
      : { value: env[variable], source: variable };

  const dataDirIn = pick(flags.dataDir, 'data-dir', 'TRUCE_DATA_DIR');
  if (dataDirIn.value !== undefined && dataDirIn.value.trim() === '') {
    throw new ConfigError(`${dataDirIn.source} must be a directory path, not empty`);
  }
  const dataDir = resolve(cwd, dataDirIn.value ?? './data');

  const dbIn = pick(flags.db, 'db', 'TRUCE_DATABASE_URL');
  const databaseUrl = dbIn.value ?? `sqlite:${dataDir}/truce.db`;
  const parsed = parseDatabaseUrl(databaseUrl);
  if ('error' in parsed) throw new ConfigError(`${dbIn.source}: ${parsed.error}`);

  const portIn = pick(flags.port, 'port', 'TRUCE_PORT');
  const port = parsePort(portIn.value ?? '8080', portIn.source);

  const hostIn = pick(flags.host, 'host', 'TRUCE_HOST');
  const host = hostIn.value ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) {
    throw new ConfigError(`${hostIn.source} "${host}" is not a host name or IP address`);
  }

  const levelIn = env['TRUCE_LOG_LEVEL'] ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(levelIn)) {
    throw new ConfigError(`TRUCE_LOG_LEVEL "${levelIn}" must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const trustProxy = parseTrustProxy(env['TRUCE_TRUST_PROXY'] ?? 'false');

  const originIn = env['TRUCE_RECORD_ORIGIN'];
  // The C2SP convention: the scheme-less URL prefix of the log.
  const publicHost = host === '0.0.0.0' || host === '::' ? hostname() : host;
  const recordOrigin = originIn ?? `${publicHost}:${port}/record`;
  if (!/^[^\s+]+$/u.test(recordOrigin)) {
    throw new ConfigError(
      `TRUCE_RECORD_ORIGIN "${recordOrigin}" must be a name without spaces or "+", e.g. monitor.example.org/record`,
    );
  }

  return Object.freeze({
    databaseUrl,
    port,
    host,
    dataDir,
    logLevel: levelIn as LogLevel,
    trustProxy,
    recordOrigin,
    recordOriginExplicit: originIn !== undefined,
  });
}

function parsePort(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`${source} "${value}" must be a port number from 0 to 65535`);
  }
  return Number(value);
}

function parseTrustProxy(value: string): false | number | string {
  if (['0', 'false', 'no', ''].includes(value)) return false;
  // "true" trusts the one proxy in front, never every hop: a client could name its own address.
  if (value === 'true' || value === 'yes') return 1;
  if (/^[1-9]\d?$/.test(value)) return Number(value);
  const list = value.split(',').map((part) => part.trim());
  if (list.every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part))) return list.join(',');
  throw new ConfigError(
    `TRUCE_TRUST_PROXY "${value}" must be false, true (one proxy), a number of proxies, or proxy addresses like 10.0.0.1,10.1.0.0/16`,
  );
}
