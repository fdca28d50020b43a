/**
 * The dates the operations timeline marks: each document's status changes (signed, in force —
 * a ceasefire's start —, suspended…) from its status history, and its own date when no claim
 * says when it was signed. Read from the agreements API.
 */
import { getDocument } from '../../endpoints';
import { formatDate } from '../../format';
import { t } from '../../strings';
import type { DocumentSummary } from '../agreements/types';
import { statusLabel } from '../agreements/words';

/** One marked date. `kind` is `start` for a document entering into force, else `document`. */
export interface TimelineMarker {
  readonly id: string;
  /** ISO 8601 date or date-time. */
  readonly time: string;
  readonly kind: 'start' | 'document';
  readonly label: string;
}

/** Documents read for markers, at most (the demo has a few; a mission a few dozen). */
const MAX_DOCUMENTS = 30;

/**
 * The markers of `documents`, in time order. A document that cannot be read is left out
 * rather than failing the timeline.
 */
export async function loadMarkers(
  documents: readonly DocumentSummary[],
): Promise<TimelineMarker[]> {
  const views = await Promise.all(
    documents.slice(0, MAX_DOCUMENTS).map((summary) => getDocument(summary.id).catch(() => null)),
  );
  const markers: TimelineMarker[] = [];
  for (const view of views) {
    if (view === null) continue;
    const { document } = view;
    const name = document.shortTitle ?? document.title;
    for (const claim of view.statusHistory) {
      markers.push({
        id: `${document.id}/${claim.id}`,
        time: claim.date,
        kind: claim.status === 'in_force' ? 'start' : 'document',
        label: t('ops.marker', {
          document: name,
          status: statusLabel(claim.status),
          date: formatDate(claim.date),
        }),
      });
    }
    const signed = view.statusHistory.some((claim) => claim.status === 'signed');
    if (!signed && document.date !== undefined) {
      markers.push({
        id: `${document.id}/dated`,
        time: document.date,
        kind: 'document',
        label: t('ops.markerDated', { document: name, date: formatDate(document.date) }),
      });
    }
  }
  return markers
    .filter((marker) => !Number.isNaN(Date.parse(marker.time)))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
