/**
 * Why an incident's reports are together: for each pair, the decision (grouped, or only
 * suggested), the score, the distance against the tolerance, the overlap of their time windows
 * or the gap between them, and how well their types match, all in words.
 */
import type { Grouping, StoredReport } from '../incident-types';
import { distanceText, overlapText, scoreText } from '../incident-words';
import { t, type MessageId } from '../strings';
import { reportLabel } from './incident-reports';

const DECISIONS: Readonly<Record<Grouping['explanation']['decision'], MessageId>> = {
  grouped: 'grouping.grouped',
  suggested: 'grouping.suggested',
  apart: 'grouping.apart',
};

const TYPE_MATCHES: Readonly<Record<Grouping['explanation']['typeMatch'], MessageId>> = {
  same: 'grouping.typeSame',
  category: 'grouping.typeCategory',
  related: 'grouping.typeRelated',
  none: 'grouping.typeNone',
};

/** Props of IncidentGroupings. */
export interface IncidentGroupingsProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly groupings: readonly Grouping[];
  /** The incident's reports, to name each report of a pair as the reports section does. */
  readonly reports: readonly StoredReport[];
}

/** The grouping section of an incident page. */
export function IncidentGroupings({ id, groupings, reports }: IncidentGroupingsProps) {
  const name = (reportId: string) => {
    const index = reports.findIndex((report) => report.id === reportId);
    return index === -1 ? reportId : reportLabel(index);
  };
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('grouping.title')}</h2>
      {groupings.length === 0 ? (
        <p>{t('grouping.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('grouping.colPair')}</th>
                <th scope="col">{t('grouping.colDecision')}</th>
                <th scope="col">{t('grouping.colScore')}</th>
                <th scope="col">{t('grouping.colDistance')}</th>
                <th scope="col">{t('grouping.colTime')}</th>
                <th scope="col">{t('grouping.colType')}</th>
              </tr>
            </thead>
            <tbody>
              {groupings.map(({ reportId, otherId, explanation }) => (
                <tr key={`${reportId}/${otherId}`}>
                  <th scope="row">
                    {t('grouping.pair', { first: name(reportId), second: name(otherId) })}
                  </th>
                  <td>
                    <strong>{t(DECISIONS[explanation.decision])}</strong>
                  </td>
                  <td className="cell-number">{scoreText(explanation.score)}</td>
                  <td>
                    {t('grouping.distance', {
                      distance: distanceText(explanation.distanceM),
                      tolerance: distanceText(explanation.toleranceM),
                    })}
                  </td>
                  <td>{overlapText(explanation)}</td>
                  <td>{t(TYPE_MATCHES[explanation.typeMatch])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
