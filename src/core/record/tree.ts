/**
 * Which tree nodes a root or a proof needs, and how to combine them. A node is a complete
 * subtree: `{ level, index }` covers leaves [index * 2^level, (index + 1) * 2^level). Planning is
 * separate from fetching so that a store can read every needed node in few queries.
 */
import { EMPTY_ROOT, hashChildren, HASH_SIZE } from './hash.js';

/** A complete subtree of the tree. */
export interface NodeRef {
  readonly level: number;
  readonly index: number;
}

/**
 * The complete subtrees that make up the range [start, end), left to right, largest first.
 * Requires start to be a multiple of the largest power of two below end - start (always true
 * for the ranges RFC 6962's recursion produces, and for start = 0).
 */
export function rangeNodes(start: number, end: number): NodeRef[] {
  const nodes: NodeRef[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level += 1;
    nodes.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return nodes;
}

/** The Merkle tree hash of a range from the hashes of its rangeNodes, in order. */
export function combineRange(hashes: readonly Uint8Array[]): Uint8Array {
  const last = hashes[hashes.length - 1];
  if (last === undefined) return EMPTY_ROOT;
  let acc = last;
  for (let i = hashes.length - 2; i >= 0; i -= 1) acc = hashChildren(hashes[i] as Uint8Array, acc);
  return acc;
}

/** The root of a complete subtree from its bottom row of 2^k hashes (k >= 0). */
export function subtreeRoot(hashes: readonly Uint8Array[]): Uint8Array {
  const levels = subtreeLevels(hashes);
  const root = levels[levels.length - 1]?.[0];
  if (root === undefined) throw new Error('a subtree needs at least one hash');
  return root;
}

/**
 * Every level of a complete subtree from its bottom row of 2^k hashes: levels[0] is the bottom
 * row, levels[k] holds the root alone.
 */
export function subtreeLevels(hashes: readonly Uint8Array[]): Uint8Array[][] {
  const levels: Uint8Array[][] = [[...hashes]];
  for (let row = levels[0] ?? []; row.length > 1;) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) {
      next.push(hashChildren(row[i] as Uint8Array, row[i + 1] as Uint8Array));
    }
    levels.push(next);
    row = next;
  }
  return levels;
}

/**
 * The levels above the bottom row of a complete subtree, flat: `bottom` holds 2^k hashes
 * (k >= 1) of 32 bytes back to back; the result holds the 2^(k-1) hashes of the level above,
 * then the 2^(k-2) of the next, and so on up to the root, back to back (2^k - 1 hashes in all,
 * the root last). The same hashes as subtreeLevels without an array per hash. `hashPair` hashes
 * 64 bytes (left || right) as an interior node; by default with hashChildren.
 */
export function subtreeLevelsFlat(
  bottom: Uint8Array,
  hashPair: (pair: Uint8Array) => Uint8Array = hashPairDefault,
): Uint8Array {
  const count = bottom.length / HASH_SIZE;
  if (count < 2 || !Number.isInteger(Math.log2(count)))
    throw new Error('a subtree needs a bottom row of 2^k hashes, k >= 1');
  const out = new Uint8Array((count - 1) * HASH_SIZE);
  let row = bottom;
  let at = 0;
  for (let width = count / 2; width >= 1; width /= 2) {
    const start = at;
    for (let i = 0; i < width; i += 1, at += HASH_SIZE)
      out.set(hashPair(row.subarray(i * 2 * HASH_SIZE, (i + 1) * 2 * HASH_SIZE)), at);
    row = out.subarray(start, at);
  }
  return out;
}

function hashPairDefault(pair: Uint8Array): Uint8Array {
  return hashChildren(pair.subarray(0, HASH_SIZE), pair.subarray(HASH_SIZE, 2 * HASH_SIZE));
}

/** The root of the tree of this size, as the nodes to fetch. */
export function rootPlan(size: number): NodeRef[] {
  return rangeNodes(0, size);
}

/**
 * The inclusion proof of leaf `index` in a tree of `size` (RFC 9162 2.1.3.1), as one list of
 * nodes per proof element, each to be combined with combineRange. Requires 0 <= index < size.
 */
export function inclusionPlan(index: number, size: number): NodeRef[][] {
  const plan: NodeRef[][] = [];
  const walk = (start: number, end: number): void => {
    if (end - start <= 1) return;
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      walk(start, start + k);
      plan.push(rangeNodes(start + k, end));
    } else {
      walk(start + k, end);
      plan.push(rangeNodes(start, start + k));
    }
  };
  walk(0, size);
  return plan;
}

/**
 * The consistency proof between tree sizes `from` and `to` (RFC 9162 2.1.4.1), planned as for
 * inclusionPlan. Requires 0 < from <= to.
 */
export function consistencyPlan(from: number, to: number): NodeRef[][] {
  const plan: NodeRef[][] = [];
  const walk = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) plan.push(rangeNodes(start, end));
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      walk(m, start, start + k, whole);
      plan.push(rangeNodes(start + k, end));
    } else {
      walk(m - k, start + k, end, false);
      plan.push(rangeNodes(start, start + k));
    }
  };
  walk(from, 0, to, true);
  return plan;
}

/** The largest power of two strictly below n. Requires n > 1. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Computes the root of a growing tree one leaf hash at a time in O(log n) memory, for verifying
 * a whole log without storing it.
 */
export class RootAccumulator {
  // stack[i] is the hash of a complete subtree; sizes strictly decrease.
  private readonly stack: { level: number; hash: Uint8Array }[] = [];
  private count = 0;

  /** Adds the next leaf hash. */
  push(leafHash: Uint8Array): void {
    let node = { level: 0, hash: leafHash };
    for (
      let top = this.stack.at(-1);
      top !== undefined && top.level === node.level;
      top = this.stack.at(-1)
    ) {
      this.stack.pop();
      node = { level: node.level + 1, hash: hashChildren(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += 1;
  }

  /** How many leaves were pushed. */
  get size(): number {
    return this.count;
  }

  /** The root of the tree of every leaf pushed so far. */
  root(): Uint8Array {
    return combineRange(this.stack.map((entry) => entry.hash));
  }
}
