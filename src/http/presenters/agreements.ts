/** Agreements as the API shows them. */
import type { StoredZone } from '../../core/agreements/stored.js';
import { boundsOf } from '../../core/geo/bounds.js';
import type { DocumentSummary, DocumentView } from '../../services/agreements-service.js';
import type * as Agreements from '../schemas/agreements.js';
import type { Resolved } from './resolved.js';

/** Every actor. */
export function presentActors(actors: Resolved<'agreements', 'actors'>): Agreements.ActorList {
  return { actors };
}

/** What an import recorded (the service's outcome is the API shape). */
export function presentImportOutcome(
  outcome: Resolved<'agreements', 'importValue'>,
): Agreements.ImportOutcome {
  return outcome;
}

/** The word diff between two versions (the service's diff is the API shape). */
export function presentDiff(diff: Resolved<'agreements', 'diff'>): Agreements.Diff {
  return diff;
}

/** Commitments with their scorecards. */
export function presentCommitments(
  commitments: Resolved<'agreements', 'commitments'>,
): Agreements.CommitmentList {
  return { commitments };
}

/** A document list entry. */
export function presentSummary(summary: DocumentSummary): Agreements.DocumentSummary {
  return {
    ...summary,
    shortTitle: summary.shortTitle ?? null,
    date: summary.date ?? null,
    status: summary.status ?? null,
    scores: summary.scores
      ? {
          lowest: { total: summary.scores.lowest.total, grade: summary.scores.lowest.grade },
          highest: { total: summary.scores.highest.total, grade: summary.scores.highest.grade },
        }
      : null,
  };
}

/** A document page. */
export function presentDocumentView(view: DocumentView): Agreements.DocumentView {
  return {
    document: view.document,
    updatedAt: view.updatedAt,
    status: view.status ?? null,
    actors: view.actors,
    versions: view.versions,
    statusHistory: view.claims,
    contradictions: view.contradictions.map((c) => ({
      earlier: c.earlier.id,
      later: c.later.id,
      reason: c.reason,
    })),
    provisions: view.provisions,
    commitments: view.scored,
    zones: view.zones.map(({ geometry, ...zone }) => ({
      ...zone,
      geometryType: geometry.type,
      bounds: boundsOf(geometry),
    })),
  };
}

/** A commitment page. */
export function presentCommitmentView(
  view: Resolved<'agreements', 'commitment'>,
): Agreements.CommitmentView {
  const { bundle, commitment, scorecard } = view;
  return {
    documentId: bundle.document.id,
    documentTitle: bundle.document.title,
    commitment,
    scorecard,
    provision: bundle.provisions.find((p) => p.id === commitment.provision) ?? null,
    actors: bundle.actors,
  };
}

/** Zones as a GeoJSON FeatureCollection; feature ids are `<document>/<zone>`. */
export function presentZones(
  zones: readonly (StoredZone & { documentId: string })[],
): Agreements.ZoneCollection {
  return {
    type: 'FeatureCollection' as const,
    features: zones.map(({ geometry, documentId, ...zone }) => ({
      type: 'Feature' as const,
      id: `${documentId}/${zone.id}`,
      geometry,
      properties: { documentId, ...zone, approximate: zone.approximate ?? false },
    })),
  };
}
