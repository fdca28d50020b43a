/**
 * Storing an agreement file: lint it (all-or-nothing: any error refuses the whole file), then,
 * in one transaction, record only what changed since the document was last stored: actors,
 * the header, and each part saved or removed. Re-importing an unchanged file records nothing.
 */
import canonicalize from 'canonicalize';
import { DomainError, type ErrorDetail } from '../core/errors.js';
import { stampEvents, type EventBody } from '../core/events.js';
import type { AgreementFile } from '../core/agreements/file-schema.js';
import { lintAgreementText, type LintResult } from '../core/agreements/lint.js';
import { identifyClaims } from '../core/agreements/status-history.js';
import type { DocumentPart } from '../core/agreements/stored.js';
import { principalId, type Principal } from '../core/auth/principal.js';
import { findActors, findDocument, listParts } from '../store/agreement-store.js';
import { putContent } from '../store/content-store.js';
import { inTransaction, record, type Tx } from '../store/record.js';
import type { ServiceContext } from './context.js';
import { sha256Hex } from './secrets.js';

/** What an import changed. */
export interface ImportOutcome {
  readonly documentId: string;
  readonly created: boolean;
  readonly saved: number;
  readonly removed: number;
  readonly warnings: ErrorDetail[];
}

/** Lints a file's text with the server's SHA-256. */
export function lintText(text: string, format: 'yaml' | 'json'): LintResult {
  return lintAgreementText(text, format, sha256Hex);
}

/**
 * Stores one agreement file's text. `name` (a file name, or `body` for the API) prefixes every
 * error's path as `name:line:column path`. Throws VALIDATION_FAILED with every error when the
 * file has any; then nothing is stored.
 */
export async function importAgreementText(
  ctx: ServiceContext,
  input: { text: string; format: 'yaml' | 'json'; name: string },
  by: Principal,
): Promise<ImportOutcome> {
  const linted = lintText(input.text, input.format);
  const where = (f: { line: number; column: number; path: string }) =>
    `${input.name}:${f.line}:${f.column}${f.path ? ` ${f.path}` : ''}`;
  if (linted.file === undefined) {
    const details = linted.findings
      .filter((f) => f.rule === 'error')
      .map((f) => ({ path: where(f), message: f.message }));
    throw new DomainError(
      'VALIDATION_FAILED',
      `${input.name}: ${details.length} error${details.length === 1 ? '' : 's'}; nothing was stored`,
      details,
    );
  }
  const warnings = linted.findings
    .filter((f) => f.rule === 'warning')
    .map((f) => ({ path: where(f), message: f.message }));
  const file = linted.file;
  const parts = fileParts(file, linted.geometries);
  const at = ctx.now().toISOString();
  return inTransaction(ctx.store.db, async (tx) => {
    for (const version of file.versions ?? []) {
      const data = new TextEncoder().encode(version.text);
      await putContent(
        tx,
        {
          sha256: sha256Hex(version.text),
          size: data.length,
          mediaType: 'text/plain; charset=utf-8',
          data,
        },
        at,
      );
    }
    const { bodies, created, saved, removed } = await changes(tx, file, parts);
    if (bodies.length > 0) {
      await record(tx, stampEvents(bodies, { at, by: principalId(by), newId: ctx.newId }));
    }
    return { documentId: file.document.id, created, saved, removed, warnings };
  });
}

/** The file's parts as stored: texts replaced by hashes, zones with their final geometry. */
function fileParts(
  file: AgreementFile,
  geometries: LintResult['geometries'],
): (DocumentPart & { id: string; position: number })[] {
  const parts: (DocumentPart & { id: string; position: number })[] = [];
  file.actors.forEach((actor, position) =>
    parts.push({ part: 'actor', id: actor.id, position, body: {} }),
  );
  (file.versions ?? []).forEach(({ text, sha256: _declared, ...version }, position) =>
    parts.push({
      part: 'version',
      id: version.id,
      position,
      body: { ...version, sha256: sha256Hex(text), size: new TextEncoder().encode(text).length },
    }),
  );
  identifyClaims(file.statusHistory ?? []).forEach((claim, position) =>
    parts.push({ part: 'claim', id: claim.id, position, body: claim }),
  );
  (file.provisions ?? []).forEach((provision, position) =>
    parts.push({ part: 'provision', id: provision.id, position, body: provision }),
  );
  (file.commitments ?? []).forEach((commitment, position) =>
    parts.push({ part: 'commitment', id: commitment.id, position, body: commitment }),
  );
  (file.zones ?? []).forEach((zone, position) => {
    const geometry = geometries.get(zone.id);
    if (geometry === undefined) throw new Error(`zone ${zone.id} has no geometry after checks`);
    parts.push({ part: 'zone', id: zone.id, position, body: { ...zone, geometry } });
  });
  return parts;
}

async function changes(
  tx: Tx,
  file: AgreementFile,
  parts: readonly (DocumentPart & { id: string; position: number })[],
) {
  const bodies: EventBody[] = [];
  const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);
  const known = new Map(
    (
      await findActors(
        tx,
        file.actors.map((a) => a.id),
      )
    ).map((a) => [a.id, a]),
  );
  for (const actor of file.actors) {
    if (!same(known.get(actor.id), actor)) bodies.push({ type: 'actor.saved', payload: { actor } });
  }
  const documentId = file.document.id;
  const existing = await findDocument(tx, documentId);
  if (existing === undefined || !same(existing.document, file.document)) {
    bodies.push({ type: 'document.saved', payload: { document: file.document } });
  }
  const stored = existing === undefined ? [] : await listParts(tx, documentId);
  const storedByKey = new Map(stored.map((p) => [`${p.part}/${p.id}`, p]));
  let saved = 0;
  for (const part of parts) {
    const before = storedByKey.get(`${part.part}/${part.id}`);
    storedByKey.delete(`${part.part}/${part.id}`);
    if (before && before.position === part.position && same(before.body, part.body)) continue;
    bodies.push({ type: 'document.part_saved', payload: { documentId, ...part } });
    saved += 1;
  }
  for (const gone of storedByKey.values()) {
    bodies.push({
      type: 'document.part_removed',
      payload: { documentId, part: gone.part, id: gone.id },
    });
  }
  return { bodies, created: existing === undefined, saved, removed: storedByKey.size };
}
