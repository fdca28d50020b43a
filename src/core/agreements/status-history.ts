/**
 * A document's status history: dated claims, each with its source. Claims can disagree (a
 * president says the text is ready; weeks later the main issues are "unresolved"); Truce keeps
 * both and flags the contradiction with both sources instead of picking one.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { compareDates } from './dates.js';
import type { StatusClaim } from './file-schema.js';
import type { DocumentStatus } from './vocabulary.js';

/** A status claim with its id filled in. */
export type IdentifiedClaim = StatusClaim & { readonly id: string };

/** Two claims that cannot both describe the same document's progress, and why. */
export interface Contradiction {
  readonly earlier: IdentifiedClaim;
  readonly later: IdentifiedClaim;
  readonly reason: string;
}

/**
 * How far along each status says the document is. A later claim with less progress than an
 * earlier one contradicts it, except the moves a real document makes: suspended and back in
 * force, or expiry after being in force.
 */
const PROGRESS: Readonly<Record<DocumentStatus, number>> = {
  proposed: 0,
  unresolved: 1,
  drafted: 1,
  ready: 2,
  signed: 3,
  in_force: 4,
  suspended: 4,
  expired: 4,
};

/**
 * Gives every claim an id: its own, or `<date>-<status>-<hash>` where the hash (6 hex digits of
 * SHA-256) covers the claim's source and note, so a claim keeps its id wherever it is listed and
 * whatever claims are added around it. Identical claims get -2, -3...
 */
export function identifyClaims(claims: readonly StatusClaim[]): IdentifiedClaim[] {
  const used = new Set(claims.flatMap((c) => (c.id === undefined ? [] : [c.id])));
  return claims.map((claim) => {
    if (claim.id !== undefined) return { ...claim, id: claim.id };
    const digest = bytesToHex(
      sha256(
        new TextEncoder().encode(
          JSON.stringify([claim.date, claim.status, claim.source, claim.note ?? null]),
        ),
      ),
    ).slice(0, 6);
    const base = `${claim.date.slice(0, 10)}-${claim.status.replace(/_/g, '-')}-${digest}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...claim, id };
  });
}

/** The latest claim by date (the last listed among equals), or undefined. */
export function currentClaim<T extends StatusClaim>(claims: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const claim of claims) {
    if (latest === undefined || compareDates(claim.date, latest.date) >= 0) latest = claim;
  }
  return latest;
}

/**
 * Every pair where a later claim says the document is less far along than an earlier one
 * ("ready" on 22 January, "unresolved" in February). Claims are compared in date order.
 */
export function findContradictions(claims: readonly IdentifiedClaim[]): Contradiction[] {
  const ordered = [...claims].sort((a, b) => compareDates(a.date, b.date));
  const found: Contradiction[] = [];
  ordered.forEach((later, j) => {
    // Compare with the most advanced earlier claim, so one regression is reported once.
    let earlier: IdentifiedClaim | undefined;
    for (const candidate of ordered.slice(0, j)) {
      if (earlier === undefined || PROGRESS[candidate.status] >= PROGRESS[earlier.status]) {
        earlier = candidate;
      }
    }
    if (earlier === undefined || PROGRESS[later.status] >= PROGRESS[earlier.status]) return;
    if (later.status === 'proposed' && earlier.status === 'proposed') return;
    found.push({
      earlier,
      later,
      reason: `${label(later.status)} (${later.date}, ${sourceOf(later)}) contradicts the earlier ${label(earlier.status)} (${earlier.date}, ${sourceOf(earlier)})`,
    });
  });
  return found;
}

function label(status: DocumentStatus): string {
  return `"${status.replace(/_/g, ' ')}"`;
}

function sourceOf(claim: StatusClaim): string {
  const by = claim.source.statedBy ? `${claim.source.statedBy} via ` : '';
  return `${by}${claim.source.publisher}`;
}
