/**
 * The incident list: newest first, filtered by words in the reports' texts and by type, both
 * kept in the address so a filtered list can be bookmarked and shared; "More" fetches the next
 * page by its cursor.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextField } from '../../components/field';
import { Link } from '../../components/link';
import { ObservedWindow } from '../../components/observed-window';
import { PageTitle } from '../../components/page-title';
import { incidentsCsvUrl, listIncidents } from '../../endpoints';
import { navigate, useSearch } from '../../router';
import { t } from '../../strings';
import { useLoadInto } from '../../use-load';
import {
  IMPORT_PATH,
  incidentListPath,
  incidentPath,
  parseFilters,
  type IncidentFilters,
} from './paths';
import type { Incident } from './types';
import { INCIDENT_TYPE_WORDS, incidentStatusLabel, incidentTypeLabel, placeText } from './words';

/** Incidents per page. */
const PAGE_SIZE = 50;

/** Props of IncidentListPage. */
export interface IncidentListPageProps {
  /** Whether to offer the import page. */
  readonly canImport: boolean;
}

/** The monitoring area's start page. */
export function IncidentListPage({ canImport }: IncidentListPageProps) {
  const search = useSearch();
  const filters = parseFilters(search);
  return (
    <>
      <PageTitle>{t('incidents.title')}</PageTitle>
      <p className="muted">{t('incidents.intro')}</p>
      {canImport && (
        <p>
          <Link to={IMPORT_PATH}>{t('incidents.importLink')}</Link>
        </p>
      )}
      <FilterForm key={search} filters={filters} />
      <IncidentResults key={`${filters.q}\u0000${filters.type}`} filters={filters} />
    </>
  );
}

function FilterForm({ filters }: { readonly filters: IncidentFilters }) {
  const [q, setQ] = useState(filters.q);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    navigate(incidentListPath({ ...filters, q }));
  }
  return (
    <form
      className="incident-filters"
      role="search"
      aria-label={t('incidents.filters')}
      onSubmit={handleSubmit}
    >
      <TextField
        label={t('incidents.search')}
        hint={t('incidents.searchHint')}
        value={q}
        onChange={setQ}
        name="q"
      />
      <SelectField
        label={t('incidents.type')}
        value={filters.type}
        options={[
          { value: '', label: t('incidents.allTypes') },
          ...INCIDENT_TYPE_WORDS.map((type) => ({ value: type, label: incidentTypeLabel(type) })),
        ]}
        onChange={(type) => navigate(incidentListPath({ q, type }))}
      />
      <div className="form-actions">
        <button type="submit">{t('incidents.searchSubmit')}</button>
      </div>
    </form>
  );
}

interface Pages {
  readonly incidents: readonly Incident[];
  readonly next: string | null;
}

function IncidentResults({ filters }: { readonly filters: IncidentFilters }) {
  const [cursor, setCursor] = useState<string | null>(null);
  const load = useCallback(() => {
    const types = filters.type === '' ? [] : [filters.type];
    return listIncidents({ q: filters.q, types, cursor, limit: PAGE_SIZE });
  }, [filters.q, filters.type, cursor]);
  // The first page replaces the list; a next page is added to the pages before it.
  const addPage = useCallback(
    (before: Pages | undefined, page: Pages): Pages => ({
      incidents: [...(cursor === null ? [] : (before?.incidents ?? [])), ...page.incidents],
      next: page.next,
    }),
    [cursor],
  );
  const { data: pages, error, loading } = useLoadInto(load, addPage);

  const filtered = filters.q.trim() !== '' || filters.type !== '';
  return (
    <section className="panel" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t('incidents.tableCaption')}</h2>
      <p>
        <a
          href={incidentsCsvUrl({
            q: filters.q,
            types: filters.type === '' ? [] : [filters.type],
          })}
          download="incidents.csv"
        >
          {filtered ? t('incidents.exportFiltered') : t('incidents.exportAll')}
        </a>
      </p>
      <ErrorMessage error={error} />
      {loading && pages === undefined && <p role="status">{t('app.loading')}</p>}
      {pages !== undefined && pages.incidents.length === 0 && (
        <p>{filtered ? t('incidents.emptyFiltered') : t('incidents.empty')}</p>
      )}
      {pages !== undefined && pages.incidents.length > 0 && (
        <>
          <p className="muted" role="status">
            {pages.next === null
              ? t('incidents.countAll', { count: pages.incidents.length })
              : t('incidents.countSoFar', { count: pages.incidents.length })}
          </p>
          <DataTable
            labelledBy="incidents-title"
            columns={[
              t('incidents.colIncident'),
              t('incidents.colObserved'),
              t('incidents.colStatus'),
              t('incidents.colReports'),
              t('incidents.colSources'),
              t('incidents.colPlace'),
            ]}
          >
            {pages.incidents.map((incident) => (
              <IncidentRow key={incident.id} incident={incident} />
            ))}
          </DataTable>
          {pages.next !== null && (
            <p>
              <button
                type="button"
                className="button-secondary"
                disabled={loading}
                onClick={() => setCursor(pages.next)}
              >
                {loading ? t('incidents.loadingMore') : t('incidents.more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function IncidentRow({ incident }: { readonly incident: Incident }) {
  return (
    <tr>
      <th scope="row">
        <Link to={incidentPath(incident.id)}>{incidentTypeLabel(incident.type)}</Link>
      </th>
      <td>
        <ObservedWindow from={incident.observedFrom} to={incident.observedTo} />
      </td>
      <td>{incidentStatusLabel(incident.status)}</td>
      <td className="cell-number">{incident.reports}</td>
      <td className="cell-number">{incident.sources}</td>
      <td className="cell-nowrap">
        {incident.location === null ? t('incidents.noPlace') : placeText(incident.location)}
      </td>
    </tr>
  );
}
