import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const load = (env: Record<string, string>, flags = {}) => loadConfig(flags, env, '/srv/truce');

describe('configuration', () => {
  it('has defaults that run the embedded demo on loopback', () => {
    expect(load({})).toEqual({
      databaseUrl: 'sqlite:/srv/truce/data/truce.db',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/truce/data',
      logLevel: 'info',
      trustProxy: false,
      recordOrigin: '127.0.0.1:8080/record',
      recordOriginExplicit: false,
    });
  });

  it('reads the environment, and flags override it', () => {
    const env = {
      TRUCE_PORT: '9000',
      TRUCE_HOST: '0.0.0.0',
      TRUCE_DATABASE_URL: 'postgres://db/truce',
      TRUCE_LOG_LEVEL: 'warn',
    };
    expect(load(env)).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://db/truce',
      logLevel: 'warn',
    });
    expect(load(env, { port: '9100', db: 'sqlite:/tmp/x.db' })).toMatchObject({
      port: 9100,
      databaseUrl: 'sqlite:/tmp/x.db',
    });
  });

  it('puts the default database inside the chosen data directory', () => {
    expect(load({ TRUCE_DATA_DIR: 'var' }).databaseUrl).toBe('sqlite:/srv/truce/var/truce.db');
  });

  it('trusts a bounded set of proxies, never every hop', () => {
    expect(load({ TRUCE_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(load({ TRUCE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(load({ TRUCE_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toBe(
      '10.0.0.1,10.1.0.0/16',
    );
    expect(load({ TRUCE_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(load({}))).toBe(true);
  });

  it.each([
    [{ TRUCE_PORT: 'eighty' }, {}, 'TRUCE_PORT "eighty" must be a port number from 0 to 65535'],
    [{ TRUCE_PORT: '70000' }, {}, 'TRUCE_PORT "70000" must be a port number'],
    [{}, { port: '-1' }, '--port "-1" must be a port number'],
    [
      { TRUCE_DATABASE_URL: 'mysql://x/y' },
      {},
      'TRUCE_DATABASE_URL: "mysql://x/y" is not a database URL',
    ],
    [{}, { db: 'postgres:///x' }, '--db: a postgres:// URL needs a host'],
    [{}, { db: 'postgres://u:secret@/x' }, '--db: "postgres://***@/x" is not a valid URL'],
    [
      { TRUCE_LOG_LEVEL: 'loud' },
      {},
      'TRUCE_LOG_LEVEL "loud" must be one of fatal, error, warn, info',
    ],
    [{ TRUCE_HOST: 'bad host' }, {}, 'TRUCE_HOST "bad host" is not a host name or IP address'],
    [{ TRUCE_DATA_DIR: ' ' }, {}, 'TRUCE_DATA_DIR must be a directory path, not empty'],
    [
      { TRUCE_TRUST_PROXY: 'maybe' },
      {},
      'TRUCE_TRUST_PROXY "maybe" must be false, true (one proxy)',
    ],
    [
      { TRUCE_RECORD_ORIGIN: 'my log' },
      {},
      'TRUCE_RECORD_ORIGIN "my log" must be a name without spaces',
    ],
  ])('rejects %o %o naming the variable', (env, flags, message) => {
    expect(() => load(env, flags)).toThrow(ConfigError);
    expect(() => load(env, flags)).toThrow(message);
  });

  it('never prints a database password in an error', () => {
    expect(() => load({ TRUCE_DATABASE_URL: 'mariadb://u:hunter2@h/x' })).toThrow(/u:\*\*\*@h/);
  });
});
