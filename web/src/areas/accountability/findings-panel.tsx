/**
 * Findings on the incident page: each provision the incident was qualified against, with its
 * severity, and the trigger engine's answer for every commitment the finding could concern:
 * the result as a badge with words and a shape, the conditions met, and those not met, each
 * saying whether it failed or cannot be decided yet, and why. People who may record findings
 * get the form for a new one.
 */
import { DateTime } from '../../components/date-time';
import { DecisionProof } from '../../components/decision-proof';
import { Link } from '../../components/link';
import { t } from '../../strings';
import { commitmentPath, documentPath } from '../agreements/paths';
import { FindingForm } from './finding-form';
import type { AccountabilityAccess } from './access';
import type { Evaluation, Finding, TriggerResult } from './types';
import {
  conditionLabel,
  findingSeverityLabel,
  principalText,
  triggerResultLabel,
  unmetOutcomeLabel,
} from './words';

/** Props of FindingsPanel. */
export interface FindingsPanelProps {
  readonly incidentId: string;
  readonly findings: readonly Finding[];
  readonly access: AccountabilityAccess;
  readonly onChanged: () => void;
}

/** The findings part of the accountability section. */
export function FindingsPanel({ incidentId, findings, access, onChanged }: FindingsPanelProps) {
  const headingId = `findings-${incidentId}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('finding.title')}</h3>
      {findings.length === 0 ? (
        <p>{t('finding.none')}</p>
      ) : (
        <ol className="claim-list">
          {findings.map((finding) => (
            <li key={finding.id}>
              <FindingItem finding={finding} access={access} />
            </li>
          ))}
        </ol>
      )}
      {access.canRecordFinding && <FindingForm incidentId={incidentId} onChanged={onChanged} />}
    </section>
  );
}

function FindingItem({
  finding,
  access,
}: {
  readonly finding: Finding;
  readonly access: AccountabilityAccess;
}) {
  const heading = t('finding.heading', {
    provision: finding.provisionId,
    document: finding.documentId,
  });
  return (
    <article className="claim" aria-label={heading}>
      <h4>
        {t('finding.provision')} <code>{finding.provisionId}</code>,{' '}
        <Link to={documentPath(finding.documentId)}>{finding.documentId}</Link>
      </h4>
      <dl className="facts fields">
        <dt>{t('finding.severity')}</dt>
        <dd>
          <strong>{findingSeverityLabel(finding.severity)}</strong>
        </dd>
        {finding.notes !== null && (
          <>
            <dt>{t('finding.notes')}</dt>
            <dd className="report-text">{finding.notes}</dd>
          </>
        )}
        <dt>{t('finding.by')}</dt>
        <dd>
          {principalText(finding.by, access.self)},{' '}
          <DateTime iso={finding.at} empty={t('time.none')} />
        </dd>
        <dt>{t('proof.record')}</dt>
        <dd>
          <DecisionProof eventId={finding.eventId} what={t('proof.whatFinding')} />
        </dd>
      </dl>
      <h5 className="evaluations-title">{t('finding.evaluations')}</h5>
      <p className="muted">{t('finding.evaluationsScope')}</p>
      {finding.evaluations.length === 0 ? (
        <p>{t('finding.noEvaluations')}</p>
      ) : (
        <ul className="evaluation-list">
          {finding.evaluations.map((evaluation) => (
            <li key={`${evaluation.documentId}/${evaluation.commitmentId}`}>
              <EvaluationItem evaluation={evaluation} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

const RESULT_ICONS: Readonly<Record<TriggerResult, string>> = {
  triggered: '!',
  not_triggered: '–',
  indeterminate: '?',
};

/** The engine's result as a badge: a shape and words, never colour alone. */
export function ResultBadge({ result }: { readonly result: TriggerResult }) {
  return (
    <span className={`badge badge-${result}`}>
      <span className="badge-icon" aria-hidden="true">
        {RESULT_ICONS[result] ?? '?'}
      </span>
      <span>{triggerResultLabel(result)}</span>
    </span>
  );
}

function EvaluationItem({ evaluation }: { readonly evaluation: Evaluation }) {
  return (
    <div className="evaluation">
      <p className="evaluation-head">
        <Link to={commitmentPath(evaluation.documentId, evaluation.commitmentId)}>
          {t('finding.commitment', {
            document: evaluation.documentId,
            commitment: evaluation.commitmentId,
          })}
        </Link>{' '}
        <ResultBadge result={evaluation.result} />
      </p>
      {evaluation.met.length > 0 && (
        <>
          <p className="evaluation-label">{t('finding.met')}</p>
          <ul className="condition-list">
            {evaluation.met.map((condition, index) => (
              <li key={index} className="condition condition-met">
                <span className="condition-icon" aria-hidden="true">
                  {t('icon.met')}
                </span>
                <span>{condition}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {evaluation.unmet.length > 0 && (
        <>
          <p className="evaluation-label">{t('finding.unmet')}</p>
          <ul className="condition-list">
            {evaluation.unmet.map((condition, index) => (
              <li key={index} className={`condition condition-${condition.outcome}`}>
                <span className="condition-icon" aria-hidden="true">
                  {condition.outcome === 'failed' ? t('icon.failed') : t('icon.undecided')}
                </span>
                <span>
                  <strong>{unmetOutcomeLabel(condition.outcome)}</strong>{' '}
                  {t('finding.condition', {
                    condition: conditionLabel(condition.condition),
                    reason: condition.reason,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
