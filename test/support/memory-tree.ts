/**
 * A Merkle tree held entirely in memory, computed naively from its leaf hashes: the reference
 * that stored tiles and planned proofs are checked against.
 */
import { hashChildren } from '../../src/core/record/hash.js';
import {
  combineRange,
  consistencyPlan,
  inclusionPlan,
  rootPlan,
  type NodeRef,
} from '../../src/core/record/tree.js';

export function memoryTree(leafHashes: readonly Uint8Array[]) {
  // levels[l][i] is the hash of the complete subtree of height l at position i.
  const levels: Uint8Array[][] = [[...leafHashes]];
  for (let below = levels[0] ?? []; below.length > 1;) {
    const above: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) {
      above.push(hashChildren(below[i] as Uint8Array, below[i + 1] as Uint8Array));
    }
    levels.push(above);
    below = above;
  }
  const node = ({ level, index }: NodeRef): Uint8Array => levels[level]?.[index] as Uint8Array;
  const resolve = (plan: NodeRef[][]) => plan.map((nodes) => combineRange(nodes.map(node)));
  return {
    leafHashes,
    node,
    root: (size: number) => combineRange(rootPlan(size).map(node)),
    inclusion: (index: number, size: number) => resolve(inclusionPlan(index, size)),
    consistency: (from: number, to: number) => resolve(consistencyPlan(from, to)),
  };
}
