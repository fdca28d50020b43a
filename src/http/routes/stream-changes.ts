/**
 * Change notices for the live stream: what the public record gained, summarised by kind so a
 * dashboard knows what to fetch again. One watcher per app reads the record's size (once a
 * second, and whenever the accountability service decides something) while any stream is open,
 * so a hundred dashboards cost one query a second, not a hundred.
 */
import type { RecordedEvent } from '../../core/events.js';
import type { Services } from '../../services.js';
import { serialRuns } from '../serial-runs.js';

/** What a change notice is about. */
export type ChangeKind = 'report' | 'incident' | 'activation' | 'finding' | 'response' | 'document';

/** One `event: change` of the stream. */
export interface ChangeNotice {
  readonly kind: ChangeKind;
  /** How many distinct things of this kind changed. */
  readonly count: number;
  /** The first of their ids, at most MAX_CHANGE_IDS (a bulk import sends a count, not ids). */
  readonly ids: readonly string[];
  /** The record index of the last entry this notice covers. */
  readonly index: number;
}

/** A notice lists at most this many ids. */
export const MAX_CHANGE_IDS = 50;

/** How often the watcher reads the record's size. */
const POLL_MS = 1000;
/** Entries read per query; a page of report batches can hold many reports. */
const PAGE = 200;

/**
 * Summarises record entries into at most one notice per kind, in the order the kinds first
 * appear. Entries about users, tokens, actors and alerts give no notice (alerts have their own
 * events).
 */
export function summariseChanges(
  entries: readonly { readonly index: number; readonly event: RecordedEvent }[],
): ChangeNotice[] {
  const byKind = new Map<ChangeKind, { ids: Set<string>; index: number }>();
  for (const { index, event } of entries) {
    const touched = touchedBy(event);
    if (touched === undefined) continue;
    let group = byKind.get(touched.kind);
    if (group === undefined) {
      group = { ids: new Set(), index };
      byKind.set(touched.kind, group);
    }
    for (const id of touched.ids) group.ids.add(id);
    group.index = index;
  }
  return [...byKind].map(([kind, { ids, index }]) => ({
    kind,
    count: ids.size,
    ids: [...ids].slice(0, MAX_CHANGE_IDS),
    index,
  }));
}

/**
 * Two summaries of consecutive entries as one: per kind, the counts added (an id changed in
 * both counts twice), the first ids kept, the later index.
 */
export function mergeNotices(
  earlier: readonly ChangeNotice[],
  later: readonly ChangeNotice[],
): ChangeNotice[] {
  const merged = new Map(earlier.map((notice) => [notice.kind, notice]));
  for (const notice of later) {
    const before = merged.get(notice.kind);
    merged.set(
      notice.kind,
      before === undefined
        ? notice
        : {
            kind: notice.kind,
            count: before.count + notice.count,
            ids: [...new Set([...before.ids, ...notice.ids])].slice(0, MAX_CHANGE_IDS),
            index: notice.index,
          },
    );
  }
  return [...merged.values()];
}

/** The kind and ids an event changes, or undefined when dashboards need not hear of it. */
function touchedBy(event: RecordedEvent): { kind: ChangeKind; ids: string[] } | undefined {
  switch (event.type) {
    case 'reports.received':
      return { kind: 'report', ids: event.payload.reports.map((r) => r.id) };
    case 'report.triaged':
      return { kind: 'report', ids: [event.payload.reportId] };
    case 'incidents.merged':
    case 'incidents.assigned':
      return { kind: 'incident', ids: event.payload.incidentIds };
    case 'incident.split':
    case 'incident.verification_set':
    case 'incident.attributed':
      return { kind: 'incident', ids: [event.payload.incidentId] };
    case 'finding.recorded':
    case 'commitments.evaluated':
      return { kind: 'finding', ids: [event.payload.findingId] };
    case 'activation.opened':
    case 'activation.status_set':
      return { kind: 'activation', ids: [event.payload.activationId] };
    case 'response.recorded':
      return { kind: 'response', ids: [event.payload.responseId] };
    case 'document.saved':
      return { kind: 'document', ids: [event.payload.document.id] };
    case 'document.part_saved':
    case 'document.part_removed':
      return { kind: 'document', ids: [event.payload.documentId] };
    default:
      return undefined;
  }
}

/** The shared watcher: subscribe to hear notices about entries appended from then on. */
export interface ChangeWatcher {
  /** Starts hearing notices; resolves once the watcher knows where the record stands. */
  subscribe(listener: (notices: ChangeNotice[]) => void): Promise<() => void>;
  /** Stops the watcher and forgets every listener. */
  stop(): void;
}

/**
 * Creates the watcher. It runs only while someone listens; `onError` hears a failed read (the
 * watcher tries again on the next tick).
 */
export function createChangeWatcher(
  services: Pick<Services, 'record' | 'accountability'>,
  onError: (error: unknown) => void,
): ChangeWatcher {
  const listeners = new Set<(notices: ChangeNotice[]) => void>();
  let seen: number | undefined;
  let starting: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  /** Bumped by stop(): a read begun before it must not move the position after it. */
  let generation = 0;

  const readRounds = serialRuns(readNew, () => listeners.size > 0);
  async function tick(): Promise<void> {
    try {
      await readRounds();
    } catch (error) {
      onError(error);
    }
  }

  /**
   * Reads what the record gained since `seen`, page by page, and tells the listeners once,
   * with one notice per kind for the whole burst. A `stop()` meanwhile (a new generation)
   * drops the read, so a restarted watcher never has its position moved by an old one.
   */
  async function readNew(): Promise<void> {
    if (seen === undefined) return;
    const mine = generation;
    let position = seen;
    const size = await services.record.size();
    let notices: ChangeNotice[] = [];
    while (position < size && listeners.size > 0) {
      const { count, entries } = await readPage(position, Math.min(PAGE, size - position));
      if (generation !== mine) return;
      if (count === 0) break;
      position += count;
      notices = mergeNotices(notices, summariseChanges(entries));
    }
    if (generation !== mine) return;
    seen = position;
    if (notices.length > 0) for (const listener of [...listeners]) listener(notices);
  }

  /**
   * Entries [from, from + limit). An entry that cannot be decoded is reported and skipped, so
   * that one bad entry does not stop every dashboard's notices for good.
   */
  async function readPage(from: number, limit: number) {
    try {
      const entries = await services.record.entries(from, limit);
      return { count: entries.length, entries };
    } catch {
      const entries = [];
      for (let index = from; index < from + limit; index += 1) {
        try {
          entries.push(...(await services.record.entries(index, 1)));
        } catch (error) {
          onError(error);
        }
      }
      return { count: limit, entries };
    }
  }

  function start(): Promise<void> {
    starting ??= services.record.size().then(
      (size) => {
        // Everyone may have hung up while the size was read.
        if (listeners.size === 0 || timer !== undefined) return;
        seen = size;
        timer = setInterval(() => void tick(), POLL_MS);
        unsubscribe = services.accountability.onChange(() => void tick());
      },
      (error: unknown) => {
        starting = undefined;
        throw error;
      },
    );
    return starting;
  }

  function stop(): void {
    generation += 1;
    listeners.clear();
    if (timer !== undefined) clearInterval(timer);
    unsubscribe?.();
    timer = undefined;
    unsubscribe = undefined;
    starting = undefined;
    seen = undefined;
  }

  return {
    async subscribe(listener) {
      listeners.add(listener);
      try {
        await start();
      } catch (error) {
        listeners.delete(listener);
        throw error;
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    stop,
  };
}
