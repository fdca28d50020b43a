import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../test/support/memory-tree.js';
import { EMPTY_ROOT, fromBase64, hashLeaf, toHex } from './hash.js';
import { RootAccumulator } from './tree.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

const VECTORS = new URL('../../../test/vectors/merkle/testdata/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const b64 = (text: string) => fromBase64(text) ?? new TextEncoder().encode(text);

/** A tree held in memory over these leaves. */
const memoryTreeOf = (leaves: readonly Uint8Array[]) => memoryTree(leaves.map(hashLeaf));

// The RFC 6962 reference leaves used across Certificate Transparency implementations.
const RFC6962_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
const RFC6962_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 tree hashing', () => {
  it('gives the known roots for tree sizes 0 to 8', () => {
    const tree = memoryTreeOf(RFC6962_LEAVES);
    expect(toHex(EMPTY_ROOT)).toBe(RFC6962_ROOTS[0]);
    for (let size = 0; size <= 8; size += 1)
      expect(toHex(tree.root(size)), `size ${size}`).toBe(RFC6962_ROOTS[size]);
  });

  it('accumulates the same roots one leaf at a time', () => {
    const acc = new RootAccumulator();
    expect(toHex(acc.root())).toBe(RFC6962_ROOTS[0]);
    for (const leaf of RFC6962_LEAVES) {
      acc.push(hashLeaf(leaf));
      expect(toHex(acc.root())).toBe(RFC6962_ROOTS[acc.size]);
    }
  });
});

describe('transparency-dev proof vectors', () => {
  const inclusion = filesUnder(join(VECTORS, 'inclusion'));
  const consistency = filesUnder(join(VECTORS, 'consistency'));

  it('has the vectors', () => {
    expect(inclusion.length).toBeGreaterThan(90);
    expect(consistency.length).toBeGreaterThan(90);
  });

  it.each(inclusion.map((f) => [f.slice(VECTORS.length), f]))('inclusion %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const result = verifyInclusion(
      v.leafIdx,
      v.treeSize,
      b64(v.leafHash ?? ''),
      (v.proof ?? []).map(b64),
      b64(v.root ?? ''),
    );
    expect(result.ok, JSON.stringify(result)).toBe(!v.wantErr);
  });

  it.each(consistency.map((f) => [f.slice(VECTORS.length), f]))('consistency %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const result = verifyConsistency(
      v.size1,
      v.size2,
      (v.proof ?? []).map(b64),
      b64(v.root1 ?? ''),
      b64(v.root2 ?? ''),
    );
    expect(result.ok, JSON.stringify(result)).toBe(!v.wantErr);
  });
});

describe('proofs generated from plans (properties)', () => {
  const leaves = Array.from({ length: 10_000 }, (_, i) => new TextEncoder().encode(`entry ${i}`));
  const tree = memoryTreeOf(leaves);
  const flip = (hashes: Uint8Array[], which: number, bit: number) =>
    hashes.map((h, i) =>
      i === which ? h.map((byte, j) => (j === bit >> 3 ? byte ^ (1 << (bit & 7)) : byte)) : h,
    );

  it('verifies every inclusion proof and rejects any single-bit change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 255 }),
        (size, i, which, bit) => {
          const index = i % size;
          const root = tree.root(size);
          const leafHash = tree.leafHashes[index] as Uint8Array;
          const proof = tree.inclusion(index, size);
          expect(verifyInclusion(index, size, leafHash, proof, root).ok).toBe(true);
          if (proof.length > 0) {
            expect(
              verifyInclusion(index, size, leafHash, flip(proof, which % proof.length, bit), root)
                .ok,
            ).toBe(false);
          }
          expect(
            verifyInclusion(index, size, flip([leafHash], 0, bit)[0] as Uint8Array, proof, root).ok,
          ).toBe(false);
          expect(
            verifyInclusion(index, size, leafHash, proof, flip([root], 0, bit)[0] as Uint8Array).ok,
          ).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('verifies every consistency proof and rejects any single-bit change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        fc.nat({ max: 255 }),
        (a, b, which, bit) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const proof = tree.consistency(from, to);
          const root1 = tree.root(from);
          const root2 = tree.root(to);
          expect(verifyConsistency(from, to, proof, root1, root2).ok).toBe(true);
          if (proof.length > 0) {
            expect(
              verifyConsistency(from, to, flip(proof, which % proof.length, bit), root1, root2).ok,
            ).toBe(false);
            expect(
              verifyConsistency(from, to, proof, flip([root1], 0, bit)[0] as Uint8Array, root2).ok,
            ).toBe(false);
            expect(
              verifyConsistency(from, to, proof, root1, flip([root2], 0, bit)[0] as Uint8Array).ok,
            ).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
