/**
 * Evidence files: stored once by SHA-256 in the content store, their kind sniffed from their
 * bytes; reports refer to them by hash, so the record commits to every file a report cites.
 */
import { DomainError } from '../core/errors.js';
import { sniffMediaType } from '../core/reports/sniff.js';
import { getContent, putContent } from '../store/content-store.js';
import type { ServiceContext } from './context.js';
import { createHash } from 'node:crypto';

/** The largest evidence file accepted, in bytes. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** What is known about a stored file. */
export interface EvidenceInfo {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

export function createEvidenceService(ctx: ServiceContext) {
  const { db } = ctx.store;
  return {
    /**
     * Stores a file. When the uploader states a SHA-256, the bytes must match it (a transfer
     * that changed the file is refused, not stored).
     */
    async store(bytes: Uint8Array, expectedSha256?: string): Promise<EvidenceInfo> {
      if (bytes.length === 0) {
        throw new DomainError('VALIDATION_FAILED', 'the file is empty', [
          { path: 'body', message: 'is empty' },
        ]);
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (expectedSha256 !== undefined && expectedSha256.toLowerCase() !== sha256) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `the file's SHA-256 is ${sha256}, not ${expectedSha256}`,
          [
            {
              path: 'headers/x-content-sha256',
              message: `does not match the file (its SHA-256 is ${sha256})`,
            },
          ],
        );
      }
      const info = { sha256, size: bytes.length, mediaType: sniffMediaType(bytes) };
      await putContent(db, { ...info, data: bytes }, ctx.now().toISOString());
      return info;
    },

    /** A stored file, checked against its hash as it is read. */
    async fetch(sha256: string): Promise<EvidenceInfo & { data: Uint8Array }> {
      const content = await getContent(db, sha256.toLowerCase());
      if (content === undefined) {
        throw new DomainError('NOT_FOUND', `no evidence with SHA-256 ${sha256}`, [
          { path: 'sha256', message: 'no such file' },
        ]);
      }
      if (createHash('sha256').update(content.data).digest('hex') !== content.sha256) {
        throw new Error(`stored content ${content.sha256} no longer matches its hash`);
      }
      return content;
    },

    /** Which of these hashes are not stored. */
    async missing(hashes: readonly string[]): Promise<string[]> {
      const result: string[] = [];
      for (const hash of new Set(hashes))
        if ((await getContent(db, hash)) === undefined) result.push(hash);
      return result;
    },
  };
}
