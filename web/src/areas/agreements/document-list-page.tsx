/**
 * The agreements list: every document with its kind, its current status and where that claim
 * comes from, a marker when status claims contradict each other, its number of commitments and
 * the range of their concreteness scores.
 */
import { CalendarDate } from '../../components/calendar-date';
import { ErrorMessage } from '../../components/error-message';
import { Link } from '../../components/link';
import { PageTitle } from '../../components/page-title';
import { SourceText } from '../../components/source-text';
import { TablePanel } from '../../components/table-panel';
import { WarningFlag } from '../../components/warning-flag';
import { listDocuments } from '../../endpoints';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { documentPath, zonesMapPath } from './paths';
import { StatusOn } from './status-history';
import type { DocumentSummary } from './types';
import { documentKindLabel, legalFormLabel } from './words';

/** The score range of a document's commitments: "8–14 / 26, D–C", or "8 / 26, D". */
function scoreRange(scores: DocumentSummary['scores']): string {
  if (scores === null) return t('documents.noScore');
  const { lowest, highest } = scores;
  if (lowest.total === highest.total && lowest.grade === highest.grade) {
    return t('documents.scoreSingle', { total: lowest.total, max: 26, grade: lowest.grade });
  }
  return t('documents.scoreRange', {
    low: lowest.total,
    high: highest.total,
    max: 26,
    lowGrade: lowest.grade,
    highGrade: highest.grade,
  });
}

/** The agreements area's start page. */
export function DocumentListPage() {
  const { data, error, loading } = useLoad(listDocuments);
  return (
    <>
      <PageTitle>{t('documents.title')}</PageTitle>
      <p className="muted">{t('documents.intro')}</p>
      <p>
        {t('documents.zonesMapIntro')} <Link to={zonesMapPath()}>{t('documents.zonesMap')}</Link>
      </p>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && (
        <TablePanel
          id="documents-title"
          title={t('documents.tableCaption')}
          isEmpty={data.length === 0}
          empty={t('documents.empty')}
          tableClassName="documents-table"
          columns={[
            t('documents.colTitle'),
            t('documents.colKind'),
            t('documents.colStatus'),
            t('documents.colCommitments'),
            t('documents.colScore'),
          ]}
        >
          {data.map((summary) => (
            <DocumentRow key={summary.id} summary={summary} />
          ))}
        </TablePanel>
      )}
    </>
  );
}

function DocumentRow({ summary }: { readonly summary: DocumentSummary }) {
  const { status } = summary;
  return (
    <tr>
      <th scope="row">
        <Link to={documentPath(summary.id)}>{summary.title}</Link>
        {summary.date !== null && (
          <span className="cell-note">
            <CalendarDate value={summary.date} />
          </span>
        )}
      </th>
      <td>
        {documentKindLabel(summary.kind)}
        <span className="cell-note">{legalFormLabel(summary.legalForm)}</span>
      </td>
      <td>
        {status === null ? (
          t('documents.noStatus')
        ) : (
          <>
            <StatusOn claim={status} />
            <span className="cell-note">
              <SourceText source={status.source} />
            </span>
          </>
        )}
        {summary.contradictions > 0 && (
          <span className="cell-flag">
            <WarningFlag>
              {t('documents.contradictions', { count: summary.contradictions })}
            </WarningFlag>
          </span>
        )}
      </td>
      <td className="cell-number">{summary.commitments}</td>
      <td className="cell-nowrap">{scoreRange(summary.scores)}</td>
    </tr>
  );
}
