/**
 * The merges and splits people made of this incident's reports: what, why, who and when, each
 * with its record check. Automatic grouping is explained in the groupings section; these are
 * the decisions that overrode or confirmed it.
 */
import { DateTime } from '../../components/date-time';
import { DecisionProof } from '../../components/decision-proof';
import { t } from '../../strings';
import { principalText, type Self } from '../accountability/words';
import type { GroupingDecision } from './types';

/** Props of IncidentDecisionsList. */
export interface IncidentDecisionsListProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly decisions: readonly GroupingDecision[];
  /** The signed-in person and the names of the principals, for "who". */
  readonly self: Self;
}

/** The "Merges and splits" section of an incident page. */
export function IncidentDecisionsList({ id, decisions, self }: IncidentDecisionsListProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('groupingDecisions.title')}</h2>
      {decisions.length === 0 ? (
        <p>{t('groupingDecisions.none')}</p>
      ) : (
        <ol className="decision-list">
          {decisions.map((decision) => {
            const what =
              decision.kind === 'merge'
                ? t('groupingDecisions.merge', { count: decision.incidentIds.length })
                : t('groupingDecisions.split', { count: decision.movedReportIds.length });
            return (
              <li key={decision.eventId}>
                <p>
                  <strong>{what}</strong>{' '}
                  {t('groupingDecisions.by', { who: principalText(decision.by, self) })}{' '}
                  <DateTime iso={decision.at} empty={t('time.none')} />
                </p>
                <p className="report-text">
                  {t('groupingDecisions.reason', { reason: decision.reason })}
                </p>
                <DecisionProof eventId={decision.eventId} what={what} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
