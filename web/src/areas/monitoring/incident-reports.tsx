/**
 * An incident's reports, each with its source (name, kind, Admiralty grading), how the source
 * knows, when (with the time's precision), where (with the place's precision and radius), its
 * text and its evidence, each piece a download named by its SHA-256; for people who may group,
 * a form to split some reports out into a new incident.
 */
import { DateTime } from '../../components/date-time';
import { ObservedWindow } from '../../components/observed-window';
import { evidenceUrl } from '../../endpoints';
import { t } from '../../strings';
import { SplitForm } from './split-form';
import type { ReportSource, StoredReport } from './types';
import {
  locationPrecisionLabel,
  modeLabel,
  placeText,
  sourceKindLabel,
  timePrecisionLabel,
} from './words';

/** Props of IncidentReports. */
export interface IncidentReportsProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly reports: readonly StoredReport[];
  /** Whether the session may split the incident (holds incident.group). */
  readonly canGroup: boolean;
  /** Splits the chosen reports out of the incident; a rejection is shown in the form. */
  readonly onSplit: (reportIds: readonly string[], reason: string) => Promise<void>;
}

/** "Report 2": how the page names a report, by its place in the list (from 1). */
export function reportLabel(index: number): string {
  return t('reports.label', { number: index + 1 });
}

/** The reports section of an incident page. */
export function IncidentReports({ id, reports, canGroup, onSplit }: IncidentReportsProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('reports.title')}</h2>
      {reports.length === 0 ? (
        <p>{t('reports.empty')}</p>
      ) : (
        <ol className="report-list">
          {reports.map((report, index) => (
            <li key={report.id}>
              <ReportItem report={report} index={index} />
            </li>
          ))}
        </ol>
      )}
      {canGroup && reports.length >= 2 && (
        <SplitForm
          reports={reports.map((report, index) => ({ id: report.id, label: reportLabel(index) }))}
          onSplit={onSplit}
        />
      )}
    </section>
  );
}

function grading(source: ReportSource): string | null {
  const { reliability, credibility } = source;
  if (reliability === undefined && credibility === undefined) return null;
  return t('reports.gradingValue', {
    reliability: reliability ?? t('reports.gradeMissing'),
    credibility: credibility ?? t('reports.gradeMissing'),
  });
}

function ReportItem({ report, index }: { readonly report: StoredReport; readonly index: number }) {
  const headingId = `report-${report.id}`;
  const grade = grading(report.source);
  return (
    <article className="report" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('reports.heading', {
          label: reportLabel(index),
          source: report.source.name,
          kind: sourceKindLabel(report.source.kind),
        })}
      </h3>
      <dl className="fields">
        {grade !== null && (
          <>
            <dt>{t('reports.grading')}</dt>
            <dd>{grade}</dd>
          </>
        )}
        <dt>{t('reports.mode')}</dt>
        <dd>{modeLabel(report.mode)}</dd>
        <dt>{t('reports.observed')}</dt>
        <dd>
          <ObservedWindow from={report.observedFrom} to={report.observedTo} />{' '}
          {t('reports.timePrecision', { precision: timePrecisionLabel(report.timePrecision) })}
        </dd>
        <dt>{t('reports.place')}</dt>
        <dd>
          {report.location === undefined ? (
            t('incidents.noPlace')
          ) : (
            <>
              {placeText(report.location)}{' '}
              {t('reports.placePrecision', {
                precision: locationPrecisionLabel(report.location.precision),
              })}
            </>
          )}
          {report.placeName !== undefined && <span className="cell-note">{report.placeName}</span>}
        </dd>
        {report.sourceRecordId !== undefined && (
          <>
            <dt>{t('reports.sourceRecord')}</dt>
            <dd>
              <code>{report.sourceRecordId}</code>
            </dd>
          </>
        )}
        <dt>{t('reports.received')}</dt>
        <dd>
          <DateTime iso={report.receivedAt} empty={t('time.none')} />
        </dd>
      </dl>
      {report.text !== undefined && <p className="report-text">{report.text}</p>}
      {report.evidence !== undefined && report.evidence.length > 0 && (
        <>
          <h4>{t('reports.evidence')}</h4>
          <ul className="evidence-list">
            {report.evidence.map((sha256) => (
              <li key={sha256}>
                <a
                  href={evidenceUrl(sha256)}
                  download
                  aria-label={t('reports.evidenceLabel', { sha256 })}
                >
                  <code>{sha256}</code>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
