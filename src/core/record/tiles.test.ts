import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../events.js';
import { decodeEntry, encodeEntry } from './entry.js';
import { decodeBundle, encodeBundle, parseTilePath, tilePath, tileWidthAt } from './tiles.js';

describe('tile paths', () => {
  it('encodes indexes in 3-digit groups as the spec shows', () => {
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 2, index: 5, width: 17 })).toBe('tile/2/005.p/17');
    expect(tilePath({ level: 'entries', index: 1000, width: 256 })).toBe('tile/entries/x001/000');
  });

  it('parses what it encodes and rejects malformed paths with a reason', () => {
    expect(parseTilePath('0/x001/x234/067')).toEqual({ level: 0, index: 1234067, width: 256 });
    expect(parseTilePath('entries/005.p/17')).toEqual({ level: 'entries', index: 5, width: 17 });
    for (const bad of [
      '0/1',
      '0/x001',
      '01/000',
      '64/000',
      '0/000.p/0',
      '0/000.p/256',
      '0/x000/001',
      'x/000',
      '0/000.p/017',
    ]) {
      expect(parseTilePath(bad), bad).toHaveProperty('error');
    }
  });

  it('says how wide each tile is for a tree size (the spec’s 70,000 example)', () => {
    expect(tileWidthAt(0, 272, 70_000)).toBe(256);
    expect(tileWidthAt(0, 273, 70_000)).toBe(112);
    expect(tileWidthAt(1, 0, 70_000)).toBe(256);
    expect(tileWidthAt(1, 1, 70_000)).toBe(17);
    expect(tileWidthAt(2, 0, 70_000)).toBe(1);
    expect(tileWidthAt(0, 274, 70_000)).toBe(0);
  });
});

describe('entry bundles and entries', () => {
  it('round-trips length-prefixed entries', () => {
    const entries = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(9)];
    const bundle = encodeBundle(entries);
    expect(bundle.length).toBe(3 * 2 + 303);
    expect(decodeBundle(bundle)).toEqual(entries);
    expect(decodeBundle(bundle.slice(0, -1))).toHaveProperty('error');
  });

  it('encodes events canonically: the same event, the same bytes, whatever the key order', () => {
    const event = {
      id: 'e1',
      type: 'user.enabled',
      version: 1,
      at: '2026-01-06T12:00:00.000Z',
      by: 'system:test',
      payload: { userId: 'u1' },
    } as RecordedEvent;
    const shuffled = {
      payload: { userId: 'u1' },
      by: 'system:test',
      at: event.at,
      version: 1,
      type: 'user.enabled',
      id: 'e1',
    } as RecordedEvent;
    const bytes = encodeEntry(event);
    expect(new TextDecoder().decode(bytes)).toBe(
      '{"at":"2026-01-06T12:00:00.000Z","by":"system:test","id":"e1","payload":{"userId":"u1"},"type":"user.enabled","v":1}',
    );
    expect(encodeEntry(shuffled)).toEqual(bytes);
    expect(decodeEntry(bytes)).toEqual(event);
  });

  it('refuses a lone surrogate, which UTF-8 cannot carry', () => {
    const event = {
      id: 'e',
      type: 'user.enabled',
      version: 1,
      at: 'x',
      by: 'y',
      payload: { userId: 'a\ud800b' },
    } as RecordedEvent;
    expect(() => encodeEntry(event)).toThrow(/surrogate/i);
    const paired = { ...event, payload: { userId: 'a\ud83d\ude00b' } } as RecordedEvent;
    expect(new TextDecoder().decode(encodeEntry(paired))).toContain('a😀b');
  });

  it('refuses an event over 64 KiB', () => {
    const big = {
      id: 'e',
      type: 'instance.demo_loaded',
      version: 1,
      at: 'x',
      by: 'y',
      payload: { users: ['x'.repeat(70_000)] },
    } as RecordedEvent;
    expect(() => encodeEntry(big)).toThrow(/entries are limited to 65535/);
  });
});
