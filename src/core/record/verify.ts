/**
 * Verification of inclusion and consistency proofs, exactly as RFC 9162 2.1.3.2 and 2.1.4.2:
 * proofs must have exactly the right length, hashes exactly 32 bytes.
 */
import { bytesEqual, hashChildren, HASH_SIZE } from './hash.js';

/** Why a proof failed; `ok` when it verified. */
export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: ProofCheck = { ok: true };
const fail = (reason: string): ProofCheck => ({ ok: false, reason });

/** Checks that `leafHash` is the leaf at `index` of the tree of `size` with this `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return fail(`index ${index} is not below tree size ${size}`);
  }
  if (leafHash.length !== HASH_SIZE) return fail('the leaf hash is not 32 bytes');
  if (proof.some((p) => p.length !== HASH_SIZE)) return fail('a proof hash is not 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail('the proof is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('the proof is shorter than the tree is deep');
  return bytesEqual(r, root) ? OK : fail('the proof does not lead to the root');
}

/** Checks that the tree of `size2` with `root2` extends the tree of `size1` with `root1`. */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): ProofCheck {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1) {
    return fail(`size ${size1} is not between 0 and ${size2}`);
  }
  if (size1 === 0) return fail('there is no consistency proof from the empty tree');
  if (size1 === size2) {
    if (proof.length !== 0) return fail('equal sizes need an empty proof');
    return bytesEqual(root1, root2) ? OK : fail('equal sizes with different roots');
  }
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE)
    return fail('a root is not 32 bytes');
  if (proof.some((p) => p.length !== HASH_SIZE)) return fail('a proof hash is not 32 bytes');
  if (proof.length === 0) return fail('the proof is empty');
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const [first, ...rest] = path as [Uint8Array, ...Uint8Array[]];
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return fail('the proof is longer than needed');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('the proof is shorter than needed');
  if (!bytesEqual(fr, root1)) return fail('the proof does not lead to the first root');
  return bytesEqual(sr, root2) ? OK : fail('the proof does not lead to the second root');
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}
