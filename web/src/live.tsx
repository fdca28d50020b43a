/**
 * Live changes from the server's event stream (GET /api/v1/stream): change notices about
 * reports, incidents, findings, activations, responses and documents, alerts, and a 'missed'
 * change after the stream was down (notices are not replayed, so listeners load again). One EventSource serves
 * the whole page, however many components listen; it opens with the first listener, reconnects
 * by itself (the browser's EventSource does), and closes when the last listener leaves.
 */
import { useEffect, useRef } from 'react';
import { t, type MessageId } from './strings';

/** Something that changed on the server. */
export interface LiveChange {
  readonly kind:
    | 'report'
    | 'incident'
    | 'activation'
    | 'finding'
    | 'response'
    | 'document'
    | 'alert'
    /** The stream was down for a while: changes may have been missed (count 1, no ids). */
    | 'missed';
  /** How many things of this kind changed (may be more than `ids` lists). */
  readonly count: number;
  /**
   * The first ids of what changed (at most 50); for an alert, the activation it is about.
   */
  readonly ids: readonly string[];
}

/**
 * Calls `onChange` for every change the server announces while the component is mounted. The
 * latest `onChange` is always called, so it need not be stable.
 */
export function useLiveChanges(onChange: (change: LiveChange) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => listen((change) => latest.current(change)), []);
}

/** Props of LiveNotice. */
export interface LiveNoticeProps {
  /** The changes not yet shown; nothing renders while empty. */
  readonly changes: readonly LiveChange[];
  /** Loads what changed. */
  onRefresh(): void;
  /** Hides the notice without loading. */
  onDismiss(): void;
}

/** A polite notice of what changed, such as "2 reports, 1 activation", with Refresh. */
export function LiveNotice({ changes, onRefresh, onDismiss }: LiveNoticeProps) {
  const list = describeChanges(changes);
  return (
    <div className="live-notice" role="status" aria-live="polite">
      {list !== '' && (
        <>
          <span>{t('live.changed', { list })}</span>{' '}
          <button type="button" onClick={onRefresh}>
            {t('live.refresh')}
          </button>{' '}
          <button type="button" className="button-secondary" onClick={onDismiss}>
            {t('live.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}

/** Changes by kind: the ids united, the counts added where the ids are not all known. */
export function mergeChanges(changes: readonly LiveChange[]): LiveChange[] {
  const byKind = new Map<
    LiveChange['kind'],
    { ids: Set<string>; count: number; partial: boolean }
  >();
  for (const change of changes) {
    const merged = byKind.get(change.kind) ?? { ids: new Set(), count: 0, partial: false };
    change.ids.forEach((id) => merged.ids.add(id));
    merged.count += change.count;
    merged.partial ||= change.count > change.ids.length;
    byKind.set(change.kind, merged);
  }
  return [...byKind].map(([kind, { ids, count, partial }]) => ({
    kind,
    count: partial ? count : ids.size,
    ids: [...ids],
  }));
}

const WORDS: Record<LiveChange['kind'], readonly [one: MessageId, many: MessageId]> = {
  report: ['live.reportOne', 'live.report'],
  incident: ['live.incidentOne', 'live.incident'],
  activation: ['live.activationOne', 'live.activation'],
  finding: ['live.findingOne', 'live.finding'],
  response: ['live.responseOne', 'live.response'],
  document: ['live.documentOne', 'live.document'],
  alert: ['live.alertOne', 'live.alert'],
  missed: ['live.missed', 'live.missed'],
};

/** "2 reports, 1 activation", or '' when nothing changed. */
export function describeChanges(changes: readonly LiveChange[]): string {
  return mergeChanges(changes)
    .filter((change) => change.count > 0)
    .map((change) => {
      const [one, many] = WORDS[change.kind];
      return change.count === 1 ? t(one) : t(many, { count: change.count });
    })
    .join(t('live.listSeparator'));
}

/** Where the stream is. */
const STREAM_URL = '/api/v1/stream';
/** After the server refused the stream (signed out, say), try again this much later. */
const REOPEN_MS = 30_000;

const listeners = new Set<(change: LiveChange) => void>();
let source: EventSource | undefined;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
/** Whether a stream of this page's listeners has been open: opening again means a gap. */
let wasOpen = false;

/** Adds a listener, opening the shared stream if needed; returns the function that removes it. */
function listen(listener: (change: LiveChange) => void): () => void {
  listeners.add(listener);
  if (source === undefined && reopenTimer === undefined) open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) close();
  };
}

function open(): void {
  const stream = new EventSource(STREAM_URL);
  source = stream;
  // Change notices are not replayed: after a reconnection (by EventSource itself, or by us
  // after a refusal), listeners hear that they may have missed some, and load again.
  stream.addEventListener('open', () => {
    if (wasOpen) tell({ kind: 'missed', count: 1, ids: [] });
    wasOpen = true;
  });
  stream.addEventListener('change', (event) => {
    const change = parseChange(event.data);
    if (change !== undefined) tell(change);
  });
  stream.addEventListener('alert', (event) => {
    const activationId = parseAlert(event.data);
    tell({ kind: 'alert', count: 1, ids: activationId === undefined ? [] : [activationId] });
  });
  stream.addEventListener('error', () => {
    // A dropped connection is retried by EventSource itself; a refused one closes for good.
    if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
    source = undefined;
    reopenTimer = setTimeout(() => {
      reopenTimer = undefined;
      if (listeners.size > 0) open();
    }, REOPEN_MS);
  });
}

function close(): void {
  source?.close();
  source = undefined;
  wasOpen = false;
  if (reopenTimer !== undefined) clearTimeout(reopenTimer);
  reopenTimer = undefined;
}

function tell(change: LiveChange): void {
  for (const listener of [...listeners]) listener(change);
}

/** The kinds a change notice of the server may name. */
const KINDS: ReadonlySet<string> = new Set(
  Object.keys(WORDS).filter((kind) => kind !== 'alert' && kind !== 'missed'),
);

function parseChange(data: unknown): LiveChange | undefined {
  const value = parseJson(data);
  if (value === undefined) return undefined;
  const { kind, count, ids } = value;
  if (typeof kind !== 'string' || !KINDS.has(kind) || typeof count !== 'number') return undefined;
  return {
    kind: kind as LiveChange['kind'],
    count,
    ids: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
  };
}

function parseAlert(data: unknown): string | undefined {
  const activationId = parseJson(data)?.['activationId'];
  return typeof activationId === 'string' ? activationId : undefined;
}

function parseJson(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
