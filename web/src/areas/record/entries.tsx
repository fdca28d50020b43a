/**
 * The record's entries, newest first, twenty at a time, each with a "Check" that the browser
 * carries out itself: the entry's bytes hash to its leaf hash, and its inclusion proof leads to
 * the root of the checkpoint whose signature the browser verified.
 */
import { useCallback, useState } from 'react';
import type { Entry } from '../../api-types';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { getInclusionProof, listRecordEntries } from '../../endpoints';
import { errorMessage } from '../../error-details';
import { summarizePayload } from '../../format';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { checkEntry, type CheckpointState, type EntryCheck } from './check';

/** Entries shown at a time. */
const PAGE_SIZE = 20;
/** Proofs fetched at once by "Check all shown". */
const PARALLEL_CHECKS = 4;

/** A row's check: under way, or its outcome. */
type RowCheck = { readonly status: 'checking' } | EntryCheck;

/** Check outcomes by entry index, valid for the checkpoint they were made against. */
interface Results {
  readonly against: string;
  readonly byIndex: ReadonlyMap<number, RowCheck>;
}

/** Props of RecordEntries. */
export interface RecordEntriesProps {
  /** The record's current size. */
  readonly size: number;
  /** The checkpoint entries are checked against. */
  readonly checkpoint: CheckpointState;
}

/** Identifies a checkpoint state, so results against another one are not shown. */
function checkpointKey(state: CheckpointState): string {
  return state.status === 'verified' ? `verified:${state.checkpoint.size}` : state.status;
}

/** The text of a row's check. */
function resultText(check: RowCheck): string {
  switch (check.status) {
    case 'checking':
      return t('record.checking');
    case 'included':
      return t('record.included', { index: check.index, size: check.size });
    case 'pending':
      return t('record.pending');
    case 'failed':
      return t('record.failed', { reason: check.reason });
  }
}

async function checkSafely(entry: Entry, checkpoint: CheckpointState): Promise<EntryCheck> {
  try {
    return await checkEntry(entry, checkpoint, getInclusionProof);
  } catch (error) {
    return { status: 'failed', reason: errorMessage(error) };
  }
}

/** Runs `run` on every item, at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await run(item);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The entries panel: range, paging, "Check all shown", and the table. */
export function RecordEntries({ size, checkpoint }: RecordEntriesProps) {
  // The exclusive upper index of the page shown; null follows the newest entries.
  const [end, setEnd] = useState<number | null>(null);
  const top = end === null ? size : Math.min(end, size);
  const from = Math.max(0, top - PAGE_SIZE);
  const limit = top - from;
  const load = useCallback(
    () => (limit === 0 ? Promise.resolve([]) : listRecordEntries(from, limit)),
    [from, limit],
  );
  const { data, error, loading } = useLoad(load);
  const [results, setResults] = useState<Results>({ against: '', byIndex: new Map() });
  const [status, setStatus] = useState('');
  const [checkingAll, setCheckingAll] = useState(false);

  const against = checkpointKey(checkpoint);
  const shownResults = results.against === against ? results.byIndex : new Map<number, RowCheck>();
  const entries = [...(data ?? [])].sort((a, b) => b.index - a.index);

  function record(index: number, check: RowCheck) {
    setResults((previous) => {
      const byIndex = new Map(previous.against === against ? previous.byIndex : undefined);
      return { against, byIndex: byIndex.set(index, check) };
    });
  }

  async function checkOne(entry: Entry): Promise<EntryCheck> {
    record(entry.index, { status: 'checking' });
    const check = await checkSafely(entry, checkpoint);
    record(entry.index, check);
    return check;
  }

  async function handleCheck(entry: Entry) {
    setStatus('');
    const check = await checkOne(entry);
    setStatus(t('record.entryResult', { index: entry.index, result: resultText(check) }));
  }

  async function handleCheckAll() {
    setCheckingAll(true);
    setStatus(t('record.checking'));
    const checks: EntryCheck[] = [];
    await forEachLimited(entries, PARALLEL_CHECKS, async (entry) => {
      checks.push(await checkOne(entry));
    });
    const count = (status: EntryCheck['status']) => checks.filter((c) => c.status === status);
    setStatus(
      t('record.summary', {
        count: checks.length,
        included: count('included').length,
        pending: count('pending').length,
        failed: count('failed').length,
      }),
    );
    setCheckingAll(false);
  }

  return (
    <section className="panel" aria-labelledby="record-entries-title">
      <h2 id="record-entries-title">{t('record.entriesTitle')}</h2>
      <ErrorMessage error={error} />
      {size === 0 && <p>{t('record.entriesEmpty')}</p>}
      {size > 0 && (
        <>
          <p>{t('record.range', { first: from, last: top - 1, size })}</p>
          <div className="button-row toolbar">
            <button
              type="button"
              onClick={() => void handleCheckAll()}
              disabled={checkingAll || loading || entries.length === 0}
            >
              {checkingAll ? t('record.checking') : t('record.checkAll')}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setEnd(top + PAGE_SIZE >= size ? null : top + PAGE_SIZE)}
              disabled={top >= size}
              aria-label={t('record.newerLabel')}
            >
              {t('record.newer')}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setEnd(from)}
              disabled={from === 0}
              aria-label={t('record.olderLabel')}
            >
              {t('record.older')}
            </button>
          </div>
          <p className="status-line record-status" role="status">
            {status}
          </p>
          {loading && data === undefined && <p>{t('app.loading')}</p>}
          {entries.length > 0 && (
            <DataTable
              labelledBy="record-entries-title"
              className="record-table"
              columns={[
                t('record.colIndex'),
                t('record.colTime'),
                t('record.colType'),
                t('record.colBy'),
                t('record.colPayload'),
                t('record.colCheck'),
              ]}
            >
              {entries.map((entry) => (
                <EntryRow
                  key={entry.index}
                  entry={entry}
                  check={shownResults.get(entry.index)}
                  onCheck={() => void handleCheck(entry)}
                />
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}

interface EntryRowProps {
  readonly entry: Entry;
  readonly check: RowCheck | undefined;
  readonly onCheck: () => void;
}

function EntryRow({ entry, check, onCheck }: EntryRowProps) {
  return (
    <tr>
      <th scope="row">{entry.index}</th>
      <td>
        <DateTime iso={entry.at} empty={t('time.none')} />
      </td>
      <td>
        <code>{entry.type}</code>
      </td>
      <td className="record-by">{entry.by}</td>
      <td className="record-summary">{summarizePayload(entry.payload)}</td>
      <td>
        <div className="record-check">
          <button
            type="button"
            className="button-small button-secondary"
            onClick={onCheck}
            disabled={check?.status === 'checking'}
            aria-label={t('record.checkEntry', { index: entry.index })}
          >
            {t('record.check')}
          </button>
          {check !== undefined && <CheckResult check={check} />}
        </div>
      </td>
    </tr>
  );
}

const ICONS = {
  checking: 'record.iconChecking',
  included: 'record.iconOk',
  pending: 'record.iconPending',
  failed: 'record.iconFailed',
} as const;

/** A check's outcome as an icon (a distinct shape per outcome) and words; never colour alone. */
function CheckResult({ check }: { readonly check: RowCheck }) {
  return (
    <span className={`check-result check-${check.status}`}>
      <span className="check-icon" aria-hidden="true">
        {t(ICONS[check.status])}
      </span>
      <span>{resultText(check)}</span>
    </span>
  );
}
