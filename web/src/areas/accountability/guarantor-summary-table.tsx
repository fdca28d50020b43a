/**
 * The guarantors' record: for each guarantor, its activations by status, how many were met
 * only after the deadline, and the median time from activation to the first qualifying
 * response.
 */
import { useCallback } from 'react';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { language, t } from '../../strings';
import { useLoad } from '../../use-load';
import type { Actor } from '../agreements/types';
import { guarantorText } from './activation-table';
import { getGuarantorSummaries } from './endpoints';

const hours = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });

/** Props of GuarantorSummaryTable. */
export interface GuarantorSummaryTableProps {
  readonly actors: readonly Actor[];
  /** Show only this guarantor's row (the board's filter, or a guarantor's own). */
  readonly only?: string | null;
  /** Changing it loads the summaries again, keeping the current ones on screen meanwhile. */
  readonly refreshKey?: number;
}

/** The summary panel of the activations list and the guarantee board. */
export function GuarantorSummaryTable({
  actors,
  only = null,
  refreshKey = 0,
}: GuarantorSummaryTableProps) {
  // refreshKey is read only to make a new load function when it changes.
  const load = useCallback(() => getGuarantorSummaries(), [refreshKey]);
  const loaded = useLoad(load);
  const { error, loading } = loaded;
  const data = only === null ? loaded.data : loaded.data?.filter((row) => row.obligor === only);
  return (
    <section className="panel" aria-labelledby="guarantors-title">
      <h2 id="guarantors-title">{t('guarantors.title')}</h2>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p role="status">{t('app.loading')}</p>}
      {data !== undefined && data.length === 0 && <p>{t('guarantors.empty')}</p>}
      {data !== undefined && data.length > 0 && (
        <DataTable
          labelledBy="guarantors-title"
          columns={[
            t('guarantors.colGuarantor'),
            t('guarantors.colActivations'),
            t('activationStatus.open'),
            t('activationStatus.met'),
            t('activationStatus.overdue'),
            t('activationStatus.breached'),
            t('activationStatus.withdrawn'),
            t('guarantors.colLate'),
            t('guarantors.colMedian'),
          ]}
        >
          {data.map((row) => (
            <tr key={row.obligor}>
              <th scope="row">{guarantorText(actors, row.obligor)}</th>
              <td className="cell-number">{row.activations}</td>
              <td className="cell-number">{row.open}</td>
              <td className="cell-number">{row.met}</td>
              <td className="cell-number">{row.overdue}</td>
              <td className="cell-number">{row.breached}</td>
              <td className="cell-number">{row.withdrawn}</td>
              <td className="cell-number">{row.lateResponses}</td>
              <td className="cell-number">
                {row.medianResponseHours === null
                  ? t('guarantors.noResponse')
                  : t('guarantors.hours', { hours: hours.format(row.medianResponseHours) })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
