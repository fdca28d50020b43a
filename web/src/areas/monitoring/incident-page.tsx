/**
 * One incident: its facts (type, status, when, where, how many reports and sources), the zones
 * in force it relates to, its reports, and why they were grouped together. People who may group
 * merge it with a suggested incident or split reports out of it; the page then shows the
 * incident that holds its reports. Its accountability section follows the incident up the
 * verification ladder to attribution, findings and the commitments it activated.
 */
import { useCallback } from 'react';
import type { Session } from '../../api-types';
import { Breadcrumb } from '../../components/breadcrumb';
import { ErrorMessage } from '../../components/error-message';
import { ObservedWindow } from '../../components/observed-window';
import { PageTitle } from '../../components/page-title';
import { getIncident, splitIncident } from '../../endpoints';
import { navigate } from '../../router';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { accountabilityAccess } from '../accountability/access';
import { AccountabilitySection } from '../accountability/section';
import type { Self } from '../accountability/words';
import { incidentExists, mergeAndFindSurvivor } from './incident-decisions';
import { IncidentDecisionsList } from './incident-decisions-list';
import { IncidentGroupings } from './incident-groupings';
import { IncidentReports } from './incident-reports';
import { IncidentZones } from './incident-zones';
import { INCIDENTS_PATH, incidentPath } from './paths';
import type { IncidentView } from './types';
import { incidentStatusLabel, incidentTypeLabel, placeText } from './words';

/** Props of IncidentPage. */
export interface IncidentPageProps {
  readonly incidentId: string;
  /** Whether the session may merge and split incidents (holds incident.group). */
  readonly canGroup: boolean;
  /** The session, for what the accountability section offers. */
  readonly session: Session;
}

/** The page of one incident. */
export function IncidentPage({ incidentId, canGroup, session }: IncidentPageProps) {
  const load = useCallback(() => getIncident(incidentId), [incidentId]);
  const { data, error, loading, reload } = useLoad(load);

  async function merge(view: IncidentView, otherIncidentId: string, reason: string) {
    const survivor = await mergeAndFindSurvivor(view, otherIncidentId, reason);
    if (survivor === incidentId) reload();
    else navigate(incidentPath(survivor));
  }

  async function split(reportIds: readonly string[], reason: string) {
    await splitIncident(incidentId, reportIds, reason);
    // The incident keeps its id while its first report stays; otherwise it may be gone.
    if (await incidentExists(incidentId)) reload();
    else navigate(INCIDENTS_PATH);
  }

  const title =
    data === undefined
      ? t('incident.title')
      : t('incident.titleOf', { type: incidentTypeLabel(data.incident.type) });
  return (
    <>
      <Breadcrumb trail={[{ label: t('incidents.title'), to: INCIDENTS_PATH }]} />
      <PageTitle>{title}</PageTitle>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p role="status">{t('app.loading')}</p>}
      {data !== undefined && (
        <IncidentBody
          view={data}
          self={{ id: session.user.id, name: session.user.name, names: data.names }}
          canGroup={canGroup}
          onMerge={(otherIncidentId, reason) => merge(data, otherIncidentId, reason)}
          onSplit={split}
        />
      )}
      {data !== undefined && (
        <AccountabilitySection
          id="incident-accountability"
          incidentId={data.incident.id}
          access={accountabilityAccess(session)}
          onChanged={reload}
        />
      )}
    </>
  );
}

interface IncidentBodyProps {
  readonly view: IncidentView;
  readonly self: Self;
  readonly canGroup: boolean;
  readonly onMerge: (otherIncidentId: string, reason: string) => Promise<void>;
  readonly onSplit: (reportIds: readonly string[], reason: string) => Promise<void>;
}

function IncidentBody({ view, self, canGroup, onMerge, onSplit }: IncidentBodyProps) {
  const { incident } = view;
  return (
    <>
      <section className="panel" aria-label={t('incident.facts')}>
        <dl className="facts">
          <div>
            <dt>{t('incident.type')}</dt>
            <dd>{incidentTypeLabel(incident.type)}</dd>
          </div>
          <div>
            <dt>{t('incident.status')}</dt>
            <dd>{incidentStatusLabel(incident.status)}</dd>
          </div>
          <div>
            <dt>{t('incident.observed')}</dt>
            <dd>
              <ObservedWindow from={incident.observedFrom} to={incident.observedTo} />
            </dd>
          </div>
          <div>
            <dt>{t('incident.place')}</dt>
            <dd>
              {incident.location === null ? t('incidents.noPlace') : placeText(incident.location)}
            </dd>
          </div>
          <div>
            <dt>{t('incident.reports')}</dt>
            <dd>{incident.reports}</dd>
          </div>
          <div>
            <dt>{t('incident.sources')}</dt>
            <dd>{incident.sources}</dd>
          </div>
        </dl>
      </section>
      <IncidentZones id="incident-zones" zones={view.zones} />
      <IncidentReports
        id="incident-reports"
        reports={view.reports}
        canGroup={canGroup}
        onSplit={onSplit}
      />
      <IncidentGroupings
        id="incident-groupings"
        groupings={view.groupings}
        reports={view.reports}
        canGroup={canGroup}
        onMerge={onMerge}
      />
      <IncidentDecisionsList id="incident-decisions" decisions={view.decisions} self={self} />
    </>
  );
}
