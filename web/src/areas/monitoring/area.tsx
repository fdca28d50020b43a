/**
 * The monitoring area: the incident list, one incident, and the import page. The whole area is
 * its own chunk, loaded when first opened, so the first screen stays small.
 */
import type { Session } from '../../api-types';
import { NoAccessPage, NotFoundPage } from '../../components/not-found-page';
import { ImportPage } from './import-page';
import { IncidentListPage } from './incident-list-page';
import { IncidentPage } from './incident-page';
import { parseMonitoringPath } from './paths';

/** Props of MonitoringArea. */
export interface MonitoringAreaProps {
  /** The path on screen, without query string. */
  readonly path: string;
  /** Whether the session may import report files (holds report.submit). */
  readonly canImport: boolean;
  /** Whether the session may merge and split incidents (holds incident.group). */
  readonly canGroup: boolean;
  /** The session, for what the incident page's accountability section offers. */
  readonly session: Session;
}

/** The page of the monitoring area at `path`. */
export function MonitoringArea({ path, canImport, canGroup, session }: MonitoringAreaProps) {
  const route = parseMonitoringPath(path);
  switch (route.page) {
    case 'list':
      return <IncidentListPage canImport={canImport} />;
    case 'incident':
      return (
        <IncidentPage
          key={route.incidentId}
          incidentId={route.incidentId}
          canGroup={canGroup}
          session={session}
        />
      );
    case 'import':
      return canImport ? <ImportPage /> : <NoAccessPage />;
    case 'unknown':
      return <NotFoundPage path={path} />;
  }
}
