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
import {
  documentsListingActor,
  findActors,
  findDocument,
  listParts,
} from '../store/agreement-store.js';
import { putContent } from '../store/content-store.js';
import { record } from '../store/record.js';
import { inTransaction, type Tx } from '../store/transactions.js';
import type { ServiceContext } from './context.js';
import { sha256Hex } from './secrets.js';

/** What an import changed. */
export interface ImportOutcome {
  readonly documentId: string;
  readonly created: boolean;
  /** Events recorded: changed actors and header, and parts saved or removed. 0: unchanged. */
  readonly recorded: number;
  readonly saved: number;
  readonly removed: number;
  readonly warnings: ErrorDetail[];
}

/** Lints a file's text with the server's SHA-256. */
export function lintText(text: string, format: 'yaml' | 'json'): LintResult {
  return lintAgreementText(text, format, sha256Hex);
}

/** Where an import's text came from: a file (errors as `name:line:column path`) or a request
 * body (errors as JSON pointers, `body/commitments/0/obligor`, since the client sent no lines). */
export interface ImportSource {
  readonly text: string;
  readonly format: 'yaml' | 'json';
  readonly name: string;
  readonly style?: 'file' | 'body';
}

/**
 * Stores one agreement file's text. Throws VALIDATION_FAILED with every error, each placed as
 * the source's style says, when the file has any; then nothing is stored.
 */
export async function importAgreementText(
  ctx: ServiceContext,
  input: ImportSource,
  by: Principal,
): Promise<ImportOutcome> {
  const linted = lintText(input.text, input.format);
  const where = (f: { line: number; column: number; path: string }) =>
    input.style === 'body'
      ? `${input.name}${pointerOf(f.path)}`
      : `${input.name}:${f.line}:${f.column}${f.path ? ` ${f.path}` : ''}`;
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
    const { bodies, created, saved, removed, shared } = await changes(tx, file, parts);
    if (bodies.length > 0) {
      await record(tx, stampEvents(bodies, { at, by: principalId(by), newId: ctx.newId }));
    }
    for (const { actor, documents } of shared) {
      warnings.push({
        path: input.style === 'body' ? `${input.name}/actors` : `${input.name} actors`,
        message: `actor ${actor} is also listed by ${documents.join(', ')}; its new definition applies there too`,
      });
    }
    return {
      documentId: file.document.id,
      created,
      recorded: bodies.length,
      saved,
      removed,
      warnings,
    };
  });
}

/** `commitments[0].obligor` as a JSON pointer suffix: `/commitments/0/obligor`. */
export function pointerOf(path: string): string {
  if (path === '') return '';
  return `/${path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
    .split('.')
    .join('/')}`;
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
  const documentId = file.document.id;
  const shared: { actor: string; documents: string[] }[] = [];
  for (const actor of file.actors) {
    const before = known.get(actor.id);
    if (same(before, actor)) continue;
    bodies.push({ type: 'actor.saved', payload: { actor } });
    if (before !== undefined) {
      const others = (await documentsListingActor(tx, actor.id)).filter((d) => d !== documentId);
      if (others.length > 0) shared.push({ actor: actor.id, documents: others });
    }
  }
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
  return { bodies, created: existing === undefined, saved, removed: storedByKey.size, shared };
}
