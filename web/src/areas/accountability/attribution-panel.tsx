/**
 * Attribution on the incident page: every version of the claim of who is responsible, newest
 * first, each with its confidence, basis and dissent, and declined ones said plainly; for
 * people who may attribute, the form for a new version.
 */
import { DateTime } from '../../components/date-time';
import { DecisionProof } from '../../components/decision-proof';
import { t } from '../../strings';
import type { Actor } from '../agreements/types';
import { actorName } from '../agreements/words';
import { AttributionForm } from './attribution-form';
import type { AccountabilityAccess } from './access';
import type { Attribution } from './types';
import { confidenceLabel, principalText } from './words';

/** Props of AttributionPanel. */
export interface AttributionPanelProps {
  readonly incidentId: string;
  /** Every version, in any order. */
  readonly attributions: readonly Attribution[];
  /** Known actors, for names and suggestions. */
  readonly actors: readonly Actor[];
  readonly access: AccountabilityAccess;
  readonly onChanged: () => void;
}

/** The attribution part of the accountability section. */
export function AttributionPanel(props: AttributionPanelProps) {
  const { incidentId, actors, access } = props;
  const headingId = `attribution-${incidentId}`;
  const newestFirst = [...props.attributions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('attribution.title')}</h3>
      {newestFirst.length === 0 ? (
        <p>{t('attribution.none')}</p>
      ) : (
        <ol className="claim-list">
          {newestFirst.map((claim, index) => (
            <li key={claim.version}>
              <AttributionItem
                claim={claim}
                current={index === 0}
                actors={actors}
                access={access}
              />
            </li>
          ))}
        </ol>
      )}
      {access.canAttribute && (
        <AttributionForm incidentId={incidentId} actors={actors} onChanged={props.onChanged} />
      )}
    </section>
  );
}

interface AttributionItemProps {
  readonly claim: Attribution;
  readonly current: boolean;
  readonly actors: readonly Actor[];
  readonly access: AccountabilityAccess;
}

function AttributionItem({ claim, current, actors, access }: AttributionItemProps) {
  const heading = current
    ? t('attribution.versionCurrent', { version: claim.version })
    : t('attribution.version', { version: claim.version });
  return (
    <article className="claim" aria-label={heading}>
      <h4>{heading}</h4>
      <p className="claim-verdict">
        {claim.declined || claim.actor === null ? (
          <strong>
            {t('attribution.declined', { reason: claim.declinedReason ?? t('time.none') })}
          </strong>
        ) : (
          <strong>
            {t('attribution.attributed', {
              actor: actorName(actors, claim.actor),
              id: claim.actor,
              confidence:
                claim.confidence === null ? t('time.none') : confidenceLabel(claim.confidence),
            })}
          </strong>
        )}
      </p>
      <dl className="facts fields">
        <dt>{t('attribution.basis')}</dt>
        <dd className="report-text">{claim.basis.text}</dd>
        {claim.basis.reportIds.length > 0 && (
          <>
            <dt>{t('attribution.basisReports')}</dt>
            <dd>{claim.basis.reportIds.length}</dd>
          </>
        )}
        <dt>{t('attribution.dissent')}</dt>
        <dd className="report-text">{claim.dissent ?? t('attribution.noDissent')}</dd>
        <dt>{t('attribution.by')}</dt>
        <dd>
          {principalText(claim.by, access.self)}, <DateTime iso={claim.at} empty={t('time.none')} />
        </dd>
        <dt>{t('proof.record')}</dt>
        <dd>
          <DecisionProof
            eventId={claim.eventId}
            what={t('attribution.version', { version: claim.version })}
          />
        </dd>
      </dl>
    </article>
  );
}
