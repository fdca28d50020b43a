/**
 * What an import did: the counts as a definition list (read, new, updated, unchanged,
 * rejected, warnings, whether anything was stored), and the problem rows with their lines.
 */
import { Link } from '../../components/link';
import { TablePanel } from '../../components/table-panel';
import { WarningFlag } from '../../components/warning-flag';
import { language, t, type MessageId } from '../../strings';
import { INCIDENTS_PATH } from './paths';
import { MAX_LISTED_REJECTS, type ImportSummary } from './types';

const number = new Intl.NumberFormat(language);

type CountKey = 'read' | 'accepted' | 'updated' | 'unchanged' | 'rejected' | 'warnings';

const COUNTS: readonly { readonly key: CountKey; readonly label: MessageId }[] = [
  { key: 'read', label: 'import.read' },
  { key: 'accepted', label: 'import.accepted' },
  { key: 'updated', label: 'import.updated' },
  { key: 'unchanged', label: 'import.unchanged' },
  { key: 'rejected', label: 'import.rejected' },
  { key: 'warnings', label: 'import.warnings' },
];

/** Props of ImportResult. */
export interface ImportResultProps {
  readonly summary: ImportSummary;
  readonly fileName: string;
}

/** The summary and problem rows of a finished import. */
export function ImportResult({ summary, fileName }: ImportResultProps) {
  return (
    <>
      <section className="panel" aria-labelledby="import-summary-title">
        <h2 id="import-summary-title">{t('import.summaryTitle', { file: fileName })}</h2>
        {!summary.stored && (
          <p>
            <WarningFlag>{t('import.notStored')}</WarningFlag>
          </p>
        )}
        <dl className="facts import-summary">
          {COUNTS.map(({ key, label }) => (
            <div key={key}>
              <dt>{t(label)}</dt>
              <dd>{number.format(summary[key])}</dd>
            </div>
          ))}
          <div>
            <dt>{t('import.sourceName')}</dt>
            <dd>{summary.sourceName ?? t('time.none')}</dd>
          </div>
          <div>
            <dt>{t('import.disappeared')}</dt>
            <dd>{number.format(summary.disappeared.length)}</dd>
          </div>
        </dl>
        {summary.disappeared.length > 0 && (
          <p className="muted">
            {t('import.disappearedList', { ids: summary.disappeared.slice(0, 50).join(', ') })}
          </p>
        )}
        <p>
          <Link to={INCIDENTS_PATH}>{t('import.toIncidents')}</Link>
        </p>
      </section>
      <TablePanel
        id="import-rejects-title"
        title={t('import.rejectsTitle')}
        isEmpty={summary.rejects.length === 0}
        empty={t('import.noRejects')}
        before={
          summary.rejects.length >= MAX_LISTED_REJECTS && (
            <p>
              <WarningFlag>
                {t('import.rejectsCut', { count: number.format(MAX_LISTED_REJECTS) })}
              </WarningFlag>
            </p>
          )
        }
        columns={[
          t('import.colLine'),
          t('import.colField'),
          t('import.colSeverity'),
          t('import.colMessage'),
        ]}
      >
        {summary.rejects.map((reject, index) => (
          <tr key={index}>
            <th scope="row" className="cell-number">
              {reject.line}
            </th>
            <td>
              <code>{reject.field}</code>
            </td>
            <td>
              {reject.severity === 'error' ? (
                <strong>{t('import.severityError')}</strong>
              ) : (
                t('import.severityWarning')
              )}
            </td>
            <td>{reject.message}</td>
          </tr>
        ))}
      </TablePanel>
    </>
  );
}
