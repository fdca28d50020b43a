/**
 * The incident list of the operations screen: every incident matching the filters (not only
 * those in the map view, so that panning never hides the list's rows), newest first, in compact
 * rows that lead to each incident's workbench; "More" follows the cursor.
 */
import { useEffect, useRef, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { Link } from '../../components/link';
import { formatDateTime } from '../../format';
import { t } from '../../strings';
import { incidentPath } from '../monitoring/paths';
import type { Incident } from '../monitoring/types';
import { incidentStatusLabel, incidentTypeLabel, placeText } from '../monitoring/words';
import { getIncidentPage, isAbort } from './api';
import type { OpsFilters } from './filters';
import { ShapeIcon } from './legend';
import { categoryOf, statusShape, CATEGORY_COLOURS } from './style';

/** Rows per page. */
const PAGE_SIZE = 50;

/** Props of OperationsList. */
export interface OperationsListProps {
  readonly filters: OpsFilters;
  readonly filterKey: string;
  /** Changes when the list should be read again (live changes). */
  readonly refreshToken: number;
}

interface Rows {
  readonly key: string;
  readonly incidents: readonly Incident[];
  readonly next: string | null;
}

/** The list panel (`data-testid="ops-list"`, `data-view` once the rows for the key are shown). */
export function OperationsList({ filters, filterKey, refreshToken }: OperationsListProps) {
  const [rows, setRows] = useState<Rows | null>(null);
  const [cursor, setCursor] = useState<{ key: string; cursor: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The requests read the filters of the latest render; they run when the key changes.
  const filtersNow = useRef(filters);
  filtersNow.current = filters;

  useEffect(() => {
    const controller = new AbortController();
    getIncidentPage(filtersNow.current, null, PAGE_SIZE, controller.signal).then(
      (page) => {
        setRows({ key: filterKey, incidents: page.incidents, next: page.next });
        setCursor(null);
        setError(null);
      },
      (reason: unknown) => {
        if (!isAbort(reason)) setError(reason);
      },
    );
    return () => controller.abort();
  }, [filterKey, refreshToken, filtersNow]);

  useEffect(() => {
    if (cursor === null || cursor.key !== filterKey) return;
    const controller = new AbortController();
    setLoadingMore(true);
    getIncidentPage(filtersNow.current, cursor.cursor, PAGE_SIZE, controller.signal)
      .then(
        (page) => {
          setRows((before) =>
            before === null || before.key !== cursor.key
              ? before
              : { ...before, incidents: [...before.incidents, ...page.incidents], next: page.next },
          );
          setError(null);
        },
        (reason: unknown) => {
          if (!isAbort(reason)) setError(reason);
        },
      )
      .finally(() => setLoadingMore(false));
    return () => controller.abort();
  }, [cursor, filterKey, filtersNow]);

  const current = rows !== null && rows.key === filterKey ? rows : null;
  return (
    <section
      className="panel ops-list"
      aria-labelledby="ops-list-title"
      data-testid="ops-list"
      data-view={current?.key}
      aria-busy={current === null}
    >
      <h2 id="ops-list-title">{t('ops.listTitle')}</h2>
      <p className="muted">{t('ops.listScope')}</p>
      <ErrorMessage error={error} />
      {current === null && error === null && <p role="status">{t('app.loading')}</p>}
      {current !== null && current.incidents.length === 0 && <p>{t('ops.listEmpty')}</p>}
      {current !== null && current.incidents.length > 0 && (
        <>
          <p className="muted" role="status">
            {current.next === null
              ? t('ops.listCountAll', { count: current.incidents.length })
              : t('ops.listCount', { count: current.incidents.length })}
          </p>
          <DataTable
            labelledBy="ops-list-title"
            className="ops-table"
            scrollClassName="ops-list-scroll"
            columns={[
              t('ops.colIncident'),
              t('ops.colObserved'),
              t('ops.colPlace'),
              t('ops.colReports'),
            ]}
          >
            {current.incidents.map((incident) => (
              <Row key={incident.id} incident={incident} />
            ))}
          </DataTable>
          {current.next !== null && (
            <p>
              <button
                type="button"
                className="button-secondary"
                disabled={loadingMore}
                onClick={() => {
                  if (current.next !== null) setCursor({ key: current.key, cursor: current.next });
                }}
              >
                {loadingMore ? t('ops.loadingMore') : t('ops.more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Row({ incident }: { readonly incident: Incident }) {
  const colour = CATEGORY_COLOURS[categoryOf(incident.type)];
  return (
    <tr data-observed-from={incident.observedFrom} data-observed-to={incident.observedTo}>
      <th scope="row">
        <span className="ops-row-type">
          <ShapeIcon shape={statusShape(incident.status)} colour={colour} />{' '}
          <Link to={incidentPath(incident.id)}>{incidentTypeLabel(incident.type)}</Link>
        </span>{' '}
        <span className="ops-row-status">{incidentStatusLabel(incident.status)}</span>
      </th>
      <td className="ops-cell-time" title={windowText(incident)}>
        <DateTime iso={incident.observedFrom} empty={t('time.none')} />
      </td>
      <td className="ops-cell-place">
        {incident.location === null ? t('ops.noPlace') : placeText(incident.location)}
      </td>
      <td className="cell-number">{incident.reports}</td>
    </tr>
  );
}

/** The whole observed window in words, for the time cell's tooltip. */
function windowText(incident: Incident): string {
  return t('ops.window', {
    from: formatDateTime(incident.observedFrom),
    to: formatDateTime(incident.observedTo),
  });
}
