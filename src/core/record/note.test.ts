import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from './checkpoint.js';
import {
  encodeSignerKey,
  encodeVerifierKey,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signerFromSeed,
  signNote,
} from './note.js';

interface Vector {
  name: string;
  ed25519_seed_hex?: string;
  vkey?: string;
  skey?: string;
  note: string;
  text: string;
  valid: boolean;
}

const { vectors } = JSON.parse(
  readFileSync(new URL('../../../test/vectors/signed-note-vectors.json', import.meta.url), 'utf8'),
) as {
  vectors: Vector[];
};

describe('signed-note vectors', () => {
  it('has vectors, valid and invalid', () => {
    expect(vectors.filter((v) => v.valid).length).toBeGreaterThan(2);
    expect(vectors.filter((v) => !v.valid).length).toBeGreaterThan(0);
  });

  it.each(vectors.filter((v) => v.vkey).map((v) => [v.name, v]))('%s', (_name, v) => {
    const key = parseVerifierKey(v.vkey ?? '');
    if ('error' in key) {
      expect(v.valid).toBe(false);
      return;
    }
    const opened = openNote(v.note, [key]);
    expect(opened.ok, JSON.stringify(opened)).toBe(v.valid);
    if (opened.ok) expect(opened.text).toBe(v.text);
  });

  it.each(vectors.filter((v) => v.skey).map((v) => [v.name, v]))(
    're-signs %s byte for byte',
    (_name, v) => {
      const signer = parseSignerKey(v.skey ?? '');
      if ('error' in signer) throw new Error(signer.error);
      expect(encodeSignerKey(signer)).toBe(v.skey);
      expect(encodeVerifierKey(signer)).toBe(v.vkey);
      const firstSignature = v.note.slice(v.text.length + 1).split('\n')[0];
      expect(signNote(v.text, signer)).toBe(`${v.text}\n${firstSignature}\n`);
    },
  );
});

describe('the signer, on the vector with a known seed', () => {
  const v = vectors.find((x) => x.ed25519_seed_hex !== undefined);

  it('re-signs the sigsum checkpoint byte for byte and verifies it', () => {
    if (v === undefined) throw new Error('vector missing');
    const seed = Uint8Array.from(v.ed25519_seed_hex?.match(/../g) ?? [], (h) => parseInt(h, 16));
    const origin = v.text.split('\n')[0] ?? '';
    const signer = signerFromSeed(origin, seed);
    expect(signNote(v.text, signer)).toBe(v.note);
    expect(openNote(v.note, [signer])).toMatchObject({ ok: true, text: v.text });
  });
});

describe('signing and opening', () => {
  const signer = signerFromSeed('truce.example/record', new Uint8Array(32).fill(7));
  const other = signerFromSeed('truce.example/record', new Uint8Array(32).fill(8));

  it('opens what it signs, and refuses a changed text or an untrusted key', () => {
    const note = signNote(
      'truce.example/record\n3\nrra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n',
      signer,
    );
    expect(openNote(note, [signer])).toMatchObject({
      ok: true,
      verifiedBy: ['truce.example/record'],
    });
    expect(openNote(note.replace('\n3\n', '\n4\n'), [signer]).ok).toBe(false);
    expect(openNote(note, [other])).toEqual({ ok: false, reason: 'no signature by a trusted key' });
    expect(openNote('no signatures\n', [signer]).ok).toBe(false);
    // Control characters other than newline are not allowed in a note.
    const tabbed = signNote(
      'truce.example/record\t\n3\nrra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n',
      signer,
    );
    expect(openNote(tabbed, [signer])).toEqual({
      ok: false,
      reason: 'the note contains a control character',
    });
  });

  it('parses checkpoints and explains malformed ones', () => {
    const parsed = parseCheckpoint(
      'truce.example/record\n3\nrra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n',
    );
    expect(parsed).toMatchObject({ origin: 'truce.example/record', size: 3 });
    expect(parseCheckpoint('o\n03\nrra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n')).toMatchObject({
      error: expect.stringContaining('size'),
    });
    expect(parseCheckpoint('o\n3\nshort\n')).toMatchObject({
      error: expect.stringContaining('root'),
    });
  });

  it('rejects malformed keys with a reason', () => {
    expect(parseVerifierKey('name+zz+abc')).toMatchObject({ error: expect.any(String) });
    const vkey = encodeVerifierKey(signer);
    expect(parseVerifierKey(vkey.replace('truce.example', 'other.example'))).toEqual({
      error: 'the key id does not match the key',
    });
  });
});
