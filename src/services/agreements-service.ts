/**
 * Agreements: documents with their versions, status history, provisions, commitments (scored
 * for concreteness) and zones. Every change goes through importing a whole agreement file, so
 * an edit from the API is checked exactly like a file from the command line.
 */
import { stringify } from 'yaml';
import type { Scorecard } from '../core/agreements/concreteness.js';
import type { AgreementFile, Commitment, StatusClaim } from '../core/agreements/file-schema.js';
import { compareDates, instantOf, isRealDate } from '../core/agreements/dates.js';
import { MAX_DEPTH, nestingDepth } from '../core/agreements/parse-file.js';
import type { StoredZone } from '../core/agreements/stored.js';
import type { Contradiction, IdentifiedClaim } from '../core/agreements/status-history.js';
import type { DocumentKind, LegalForm } from '../core/agreements/vocabulary.js';
import { DomainError, invalid } from '../core/errors.js';
import type { Principal } from '../core/auth/principal.js';
import { listActors, listDocuments, listParts } from '../store/agreement-store.js';
import type { ServiceContext } from './context.js';
import { importAgreementText, lintText, type ImportOutcome } from './agreement-import.js';
import {
  diffVersions,
  exportBundle,
  loadBundle,
  scoreStored,
  statusOf,
  versionText,
  type DocumentBundle,
  type ScoredCommitment,
} from './agreement-views.js';

export type AgreementsService = ReturnType<typeof createAgreementsService>;

/** One line of a document list. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string | undefined;
  readonly kind: DocumentKind;
  readonly legalForm: LegalForm;
  readonly date: string | undefined;
  readonly status: IdentifiedClaim | undefined;
  readonly contradictions: number;
  readonly commitments: number;
  /** The lowest and highest commitment scores, when it has commitments. */
  readonly scores: { lowest: Scorecard; highest: Scorecard } | undefined;
  readonly updatedAt: string;
}

/** A document as its page shows it. */
export interface DocumentView extends DocumentBundle {
  readonly status: IdentifiedClaim | undefined;
  readonly contradictions: Contradiction[];
  readonly scored: ScoredCommitment[];
}

/** Filters for commitment lists. */
export interface CommitmentFilter {
  readonly document?: string | undefined;
  readonly obligor?: string | undefined;
  readonly beneficiary?: string | undefined;
}

/** Filters for zones. */
export interface ZoneFilter {
  readonly document?: string | undefined;
  readonly kind?: string | undefined;
  /** Only zones in force at this date or instant. */
  readonly at?: string | undefined;
}

export function createAgreementsService(
  ctx: ServiceContext,
  options: {
    /** Called after an import or edit that recorded a change (the trigger engine re-evaluates). */
    readonly afterChange?: () => Promise<unknown>;
  } = {},
) {
  const { db } = ctx.store;

  /** Imports a file's text, then tells whoever depends on commitments when it changed any. */
  async function importChecked(
    input: Parameters<typeof importAgreementText>[1],
    by: Principal,
  ): Promise<ImportOutcome> {
    const outcome = await importAgreementText(ctx, input, by);
    if (outcome.recorded > 0) await options.afterChange?.();
    return outcome;
  }

  async function importValue(value: unknown, by: Principal): Promise<ImportOutcome> {
    if (nestingDepth(value) > MAX_DEPTH) {
      throw invalid('body', `nests values more than ${MAX_DEPTH} levels deep`);
    }
    const text = JSON.stringify(value, null, 2);
    return importChecked({ text, format: 'json', name: 'body', style: 'body' }, by);
  }

  async function exportFile(id: string): Promise<AgreementFile> {
    return exportBundle(db, await loadBundle(db, id));
  }

  /**
   * Applies `change` to the stored file and imports the result. With `scope` (the path of the
   * edited part in the file, e.g. `/commitments/2`), error paths inside it are given relative to
   * the request body that carried only that part.
   */
  async function editFile(
    id: string,
    by: Principal,
    change: (file: AgreementFile) => { file: AgreementFile; scope?: string },
  ): Promise<ImportOutcome> {
    const { file, scope } = change(await exportFile(id));
    try {
      return await importValue(file, by);
    } catch (error) {
      if (scope === undefined || !(error instanceof DomainError)) throw error;
      const inside = `body${scope}`;
      throw new DomainError(
        error.code,
        error.message,
        error.details.map((d) => ({
          ...d,
          path:
            d.path === inside || d.path.startsWith(`${inside}/`)
              ? `body${d.path.slice(inside.length)}`
              : d.path,
        })),
      );
    }
  }

  return {
    /** Lints a file's text without storing anything. */
    lint: lintText,

    /** Stores an agreement file's text (all-or-nothing). */
    importText: (input: { text: string; format: 'yaml' | 'json'; name: string }, by: Principal) =>
      importChecked(input, by),

    /** Stores an agreement file given as a value (from the API). */
    importValue,

    /** The stored document as an agreement file value. */
    exportFile,

    /** The stored document as agreement file text. */
    async exportText(id: string, format: 'yaml' | 'json'): Promise<string> {
      const file = await exportFile(id);
      return format === 'json'
        ? `${JSON.stringify(file, null, 2)}\n`
        : stringify(file, { lineWidth: 100 });
    },

    actors: () => listActors(db),

    /** Every document with its current status, contradictions and score range. */
    async list(): Promise<DocumentSummary[]> {
      const summaries: DocumentSummary[] = [];
      for (const { document } of await listDocuments(db)) {
        const bundle = await loadBundle(db, document.id);
        const { current, contradictions } = statusOf(bundle.claims);
        const cards = bundle.commitments.map((c) => scoreStored(bundle, c));
        const sorted = [...cards].sort((a, b) => a.total - b.total);
        const lowest = sorted[0];
        const highest = sorted[sorted.length - 1];
        summaries.push({
          id: document.id,
          title: document.title,
          shortTitle: document.shortTitle,
          kind: document.kind,
          legalForm: document.legalForm,
          date: document.date,
          status: current,
          contradictions: contradictions.length,
          commitments: cards.length,
          scores: lowest && highest ? { lowest, highest } : undefined,
          updatedAt: bundle.updatedAt,
        });
      }
      return summaries;
    },

    /** One document with everything its page shows. */
    async get(id: string): Promise<DocumentView> {
      const bundle = await loadBundle(db, id);
      const { current, contradictions } = statusOf(bundle.claims);
      return {
        ...bundle,
        status: current,
        contradictions,
        scored: bundle.commitments.map((commitment) => ({
          documentId: id,
          commitment,
          scorecard: scoreStored(bundle, commitment),
        })),
      };
    },

    /** The text of one version. */
    versionText: async (id: string, versionId: string) =>
      versionText(db, await loadBundle(db, id), versionId),

    /** The word diff between two versions. */
    diff: async (id: string, from: string, to: string) =>
      diffVersions(db, await loadBundle(db, id), from, to),

    /** Commitments with their scorecards, filtered. */
    async commitments(filter: CommitmentFilter = {}): Promise<ScoredCommitment[]> {
      const ids = filter.document
        ? [filter.document]
        : (await listDocuments(db)).map((d) => d.document.id);
      const result: ScoredCommitment[] = [];
      for (const id of ids) {
        const bundle = await loadBundle(db, id);
        for (const commitment of bundle.commitments) {
          if (filter.obligor && commitment.obligor !== filter.obligor) continue;
          if (filter.beneficiary && commitment.beneficiary !== filter.beneficiary) continue;
          result.push({ documentId: id, commitment, scorecard: scoreStored(bundle, commitment) });
        }
      }
      return result;
    },

    /** One commitment with its scorecard and document. */
    async commitment(id: string, commitmentId: string) {
      const bundle = await loadBundle(db, id);
      const commitment = bundle.commitments.find((c) => c.id === commitmentId);
      if (commitment === undefined) {
        throw new DomainError('NOT_FOUND', `document "${id}" has no commitment "${commitmentId}"`, [
          { path: 'commitment', message: 'no such commitment' },
        ]);
      }
      return { bundle, commitment, scorecard: scoreStored(bundle, commitment) };
    },

    /** Zones with their geometries, filtered. */
    async zones(filter: ZoneFilter = {}): Promise<(StoredZone & { documentId: string })[]> {
      const parts = await listParts(db, filter.document, 'zone');
      return parts
        .map((p) => ({ ...(p.body as StoredZone), documentId: p.documentId }))
        .filter((z) => filter.kind === undefined || z.kind === filter.kind)
        .filter((z) => filter.at === undefined || inForce(z, filter.at));
    },

    /** Zones in force at some time during [from, to]; `straddles` when one began inside it. */
    async zonesDuring(from: string, to: string) {
      const start = instantOf(from);
      const end = instantOf(to);
      const parts = await listParts(db, undefined, 'zone');
      return parts
        .map((p) => ({ ...(p.body as StoredZone), documentId: p.documentId }))
        .filter(
          (z) =>
            (z.validFrom === undefined || instantOf(z.validFrom) <= end) &&
            (z.validTo === undefined || endOfValidity(z.validTo) >= start),
        )
        .map((z) => ({
          ...z,
          straddles:
            z.validFrom !== undefined &&
            instantOf(z.validFrom) > start &&
            instantOf(z.validFrom) <= end,
        }));
    },

    /** Adds or replaces one commitment of a stored document. */
    saveCommitment: (id: string, commitment: Commitment, by: Principal) =>
      editFile(id, by, (file) => {
        const list = file.commitments ?? [];
        const found = list.findIndex((c) => c.id === commitment.id);
        const index = found < 0 ? list.length : found;
        const commitments = [...list.slice(0, index), commitment, ...list.slice(index + 1)];
        return { file: { ...file, commitments }, scope: `/commitments/${index}` };
      }),

    /** Removes one commitment of a stored document. */
    async removeCommitment(
      id: string,
      commitmentId: string,
      by: Principal,
    ): Promise<ImportOutcome> {
      await this.commitment(id, commitmentId);
      return editFile(id, by, (file) => ({
        file: {
          ...file,
          commitments: (file.commitments ?? []).filter((c) => c.id !== commitmentId),
        },
      }));
    },

    /** Adds a status claim to a stored document (kept in date order). */
    addStatusClaim: (id: string, claim: StatusClaim, by: Principal) =>
      editFile(id, by, (file) => {
        const claims = [...(file.statusHistory ?? [])];
        // By instant, not by text: 2020-03-01T01:00+05:00 is before 2020-03-01 in UTC.
        const valid = isRealDate(claim.date);
        const after = valid ? claims.findIndex((c) => compareDates(c.date, claim.date) > 0) : -1;
        const index = after < 0 ? claims.length : after;
        claims.splice(index, 0, claim);
        return { file: { ...file, statusHistory: claims }, scope: `/statusHistory/${index}` };
      }),
  };
}

/** The last instant a validTo covers: a date alone means through the end of that day. */
function endOfValidity(validTo: string): number {
  return instantOf(validTo) + (validTo.length === 10 ? 24 * 3600 * 1000 - 1 : 0);
}

function inForce(zone: StoredZone, at: string): boolean {
  const t = instantOf(at);
  const day = 24 * 3600 * 1000;
  // A date-only validTo means through the end of that day.
  const to =
    zone.validTo === undefined
      ? undefined
      : instantOf(zone.validTo) + (zone.validTo.length === 10 ? day - 1 : 0);
  return (
    (zone.validFrom === undefined || instantOf(zone.validFrom) <= t) &&
    (to === undefined || t <= to)
  );
}
