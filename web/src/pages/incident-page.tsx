/**
 * One incident: its facts (type, status, when, where, how many reports and sources), the zones
 * in force it relates to, its reports, and why they were grouped together.
 */
import { useCallback } from 'react';
import { Breadcrumb } from '../components/breadcrumb';
import { ErrorMessage } from '../components/error-message';
import { PageTitle } from '../components/page-title';
import { getIncident } from '../endpoints';
import { INCIDENTS_PATH } from '../incident-paths';
import type { IncidentView } from '../incident-types';
import { incidentStatusLabel, incidentTypeLabel, placeText } from '../incident-words';
import { t } from '../strings';
import { useLoad } from '../use-load';
import { IncidentGroupings } from './incident-groupings';
import { IncidentReports } from './incident-reports';
import { IncidentZones } from './incident-zones';
import { ObservedWindow } from './observed-window';

/** Props of IncidentPage. */
export interface IncidentPageProps {
  readonly incidentId: string;
}

/** The page of one incident. */
export function IncidentPage({ incidentId }: IncidentPageProps) {
  const load = useCallback(() => getIncident(incidentId), [incidentId]);
  const { data, error, loading } = useLoad(load);
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
      {data !== undefined && <IncidentBody view={data} />}
    </>
  );
}

function IncidentBody({ view }: { readonly view: IncidentView }) {
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
      <IncidentReports id="incident-reports" reports={view.reports} />
      <IncidentGroupings
        id="incident-groupings"
        groupings={view.groupings}
        reports={view.reports}
      />
    </>
  );
}
