import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { encodeSignerKey } from '../core/record/note.js';
import { loadOrCreateRecordKey, recordKeyPath } from './record-key.js';

describe('the record key', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'truce-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is created once, owner-only, and then loaded unchanged', () => {
    const d = dir();
    const first = loadOrCreateRecordKey(d, 'monitor.example/record', false);
    expect(statSync(recordKeyPath(d)).mode & 0o777).toBe(0o600);
    expect(readFileSync(recordKeyPath(d), 'utf8')).toBe(`${encodeSignerKey(first)}\n`);
    const again = loadOrCreateRecordKey(d, 'other.example/record', false);
    expect(again.name).toBe('monitor.example/record');
    expect(again.publicKey).toEqual(first.publicKey);
  });

  it('refuses an explicit origin that contradicts the key, and a malformed key file', () => {
    const d = dir();
    loadOrCreateRecordKey(d, 'monitor.example/record', false);
    expect(() => loadOrCreateRecordKey(d, 'other.example/record', true)).toThrow(ConfigError);
    writeFileSync(recordKeyPath(d), 'not a key\n');
    expect(() => loadOrCreateRecordKey(d, 'monitor.example/record', false)).toThrow(/is malformed/);
  });
});
