/**
 * The guarantee board (/board): activations with running response clocks, the guarantors'
 * record of responses and the commitments' concreteness, on one screen that keeps itself up to
 * date. A guarantor sees its own activations and summary; everyone else may filter by
 * guarantor (kept in the address as `?guarantor=`). When the server announces an activation or
 * a response, the board loads its activations and summaries again (once for a burst), marks
 * what is new, and says so in a polite notice; a changed document loads the commitments again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from '../../api-types';
import { ErrorMessage } from '../../components/error-message';
import { SelectField } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { LiveNotice, useLiveChanges, type LiveChange } from '../../live';
import { navigate, useSearch } from '../../router';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { guarantorText } from '../accountability/activation-table';
import { listActivations, listActors } from '../accountability/endpoints';
import { GuarantorSummaryTable } from '../accountability/guarantor-summary-table';
import type { Activation } from '../accountability/types';
import { BoardActivations } from './activations';
import { BoardCommitments } from './commitments';

/** The board's path. */
export const BOARD_PATH = '/board';
/** A burst of changes is loaded once, this long after the last of them. */
const DEBOUNCE_MS = 400;
/**
 * Documents are heavier to load (every document with commitments) and change in bursts while
 * someone edits one: loaded this long after the last change.
 */
const DOCUMENTS_DEBOUNCE_MS = 2000;
/** The kinds of change that move what the board shows. */
const BOARD_KINDS: ReadonlySet<LiveChange['kind']> = new Set([
  'activation',
  'response',
  'alert',
  'document',
  'missed',
]);

// Names are a nicety: without them, guarantors show by id.
const loadActors = () => listActors().catch(() => []);
const loadActivations = () => listActivations(null);

/** Props of BoardPage. */
export interface BoardPageProps {
  readonly session: Session;
}

/** The guarantee board. */
export function BoardPage({ session }: BoardPageProps) {
  const own = session.user.role === 'guarantor' ? session.user.actor : null;
  const chosen = new URLSearchParams(useSearch()).get('guarantor');
  const obligor = own ?? (chosen === null || chosen === '' ? null : chosen);
  const actors = useLoad(loadActors);
  const activations = useLoad(loadActivations);
  const { changes, fresh, summaryKey, documentsKey, refresh, dismiss } = useBoardLive(
    activations.data,
    activations.reload,
  );
  const shown = (activations.data ?? []).filter((a) => obligor === null || a.obligor === obligor);
  const guarantors = [...new Set((activations.data ?? []).map((a) => a.obligor))].sort();

  return (
    <>
      <PageTitle>{t('board.title')}</PageTitle>
      <p className="muted">{own === null ? t('board.intro') : t('board.introGuarantor')}</p>
      <LiveNotice changes={changes} onRefresh={refresh} onDismiss={dismiss} />
      {own === null && (
        <form
          className="filter-row"
          role="search"
          aria-label={t('board.filters')}
          onSubmit={(event) => event.preventDefault()}
        >
          <SelectField
            label={t('board.guarantor')}
            value={obligor ?? ''}
            options={[
              { value: '', label: t('board.allGuarantors') },
              ...[...new Set([...guarantors, ...(obligor === null ? [] : [obligor])])].map(
                (id) => ({ value: id, label: guarantorText(actors.data ?? [], id) }),
              ),
            ]}
            onChange={(value) =>
              navigate(
                value === '' ? BOARD_PATH : `${BOARD_PATH}?guarantor=${encodeURIComponent(value)}`,
                { replace: true },
              )
            }
          />
        </form>
      )}
      <section className="panel" aria-labelledby="board-activations-title">
        <h2 id="board-activations-title">{t('board.activationsTitle')}</h2>
        <ErrorMessage error={activations.error} />
        {activations.loading && activations.data === undefined && (
          <p role="status">{t('app.loading')}</p>
        )}
        {activations.data !== undefined && shown.length === 0 && (
          <p>{obligor === null ? t('board.empty') : t('board.emptyFiltered')}</p>
        )}
        {shown.length > 0 && (
          <BoardActivations
            labelledBy="board-activations-title"
            activations={shown}
            actors={actors.data ?? []}
            fresh={fresh}
          />
        )}
      </section>
      <GuarantorSummaryTable actors={actors.data ?? []} only={obligor} refreshKey={summaryKey} />
      <BoardCommitments obligor={obligor} refreshKey={documentsKey} />
    </>
  );
}

/**
 * The board's live state: the changes announced since the notice was last cleared, the ids of
 * activations that appeared or changed since the board opened, and keys that change whenever
 * the summaries or the documents should load again (both on Refresh).
 */
function useBoardLive(data: readonly Activation[] | undefined, reload: () => void) {
  const [changes, setChanges] = useState<readonly LiveChange[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [summaryKey, setSummaryKey] = useState(0);
  const [documentsChanged, setDocumentsChanged] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const documentsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const known = useRef<Map<string, string> | undefined>(undefined);

  useLiveChanges((change) => {
    if (!BOARD_KINDS.has(change.kind)) return;
    if (change.kind !== 'alert') setChanges((list) => [...list, change]);
    // After a gap in the stream ('missed'), everything loads again.
    if (change.kind === 'document' || change.kind === 'missed') {
      clearTimeout(documentsTimer.current);
      documentsTimer.current = setTimeout(
        () => setDocumentsChanged((key) => key + 1),
        DOCUMENTS_DEBOUNCE_MS,
      );
    }
    if (change.kind === 'document') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      reload();
      setSummaryKey((key) => key + 1);
    }, DEBOUNCE_MS);
  });
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      clearTimeout(documentsTimer.current);
    },
    [],
  );

  // What changed between two loads: new activations, and ones whose status or tier moved.
  useEffect(() => {
    if (data === undefined) return;
    const now = new Map(data.map((a) => [a.id, `${a.status}|${a.tier}|${a.late}`]));
    const before = known.current;
    known.current = now;
    if (before === undefined) return;
    const moved = [...now].filter(([id, state]) => before.get(id) !== state).map(([id]) => id);
    if (moved.length > 0) setFresh((ids) => new Set([...ids, ...moved]));
  }, [data]);

  const refresh = useCallback(() => {
    setChanges([]);
    reload();
    setRefreshKey((key) => key + 1);
  }, [reload]);
  const dismiss = useCallback(() => setChanges([]), []);
  return {
    changes,
    fresh,
    summaryKey: refreshKey + summaryKey,
    documentsKey: refreshKey + documentsChanged,
    refresh,
    dismiss,
  };
}
