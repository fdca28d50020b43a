/**
 * Change notices for the live stream: what the public record gained, summarised by kind so a
 * dashboard knows what to fetch again. One watcher per app reads the record's size (once a
 * second, and whenever the accountability service decides something) while any stream is open,
 * so a hundred dashboards cost one query a second, not a hundred.
 */
import type { RecordedEvent } from '../../core/events.js';
import type { Services } from '../../services.js';

/** What a change notice is about. */
export type ChangeKind = 'report' | 'incident' | 'activation' | 'finding' | 'response';

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
 * appear. Entries about users, tokens, documents and alerts give no notice (alerts have their
 * own events).
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
  let busy = false;
  let again = false;

  async function tick(): Promise<void> {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await readNew();
      } while (again && listeners.size > 0);
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
  }

  async function readNew(): Promise<void> {
    if (seen === undefined) return;
    const size = await services.record.size();
    while (seen < size && listeners.size > 0) {
      const entries = await services.record.entries(seen, Math.min(PAGE, size - seen));
      if (entries.length === 0) break;
      seen += entries.length;
      const notices = summariseChanges(entries);
      if (notices.length > 0) for (const listener of [...listeners]) listener(notices);
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
