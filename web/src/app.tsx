/**
 * The whole browser app: starts by asking the server who is signed in, then shows the sign-in
 * page or the shell with the area at the current path.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';
import { REPORT_SUBMIT_VERB, type Session } from './api-types';
import { allowedAreas, areaAt, defaultPath, LOGIN_PATH, pathOnly } from './areas';
import { LoginPage } from './areas/account/login-page';
import { AccountPage } from './areas/account/page';
import { UsersPage } from './areas/admin/users-page';
import { AgreementsArea } from './areas/agreements/area';
import { RecordPage } from './areas/record/page';
import { ErrorBoundary } from './components/error-boundary';
import { ErrorMessage } from './components/error-message';
import { NoAccessPage, NotFoundPage } from './components/not-found-page';
import { PageTitle } from './components/page-title';
import { Shell } from './components/shell';
import { signOut } from './endpoints';
import { navigate, usePath } from './router';
import { t } from './strings';
import { useAuth } from './use-auth';

/** The verb that allows merging incidents and splitting reports out of them. */
const INCIDENT_GROUP_VERB = 'incident.group';

// The monitoring area is its own chunk, loaded when first opened.
const MonitoringArea = lazy(() =>
  import('./areas/monitoring/area').then((module) => ({ default: module.MonitoringArea })),
);

// So is the activations area.
const ActivationsArea = lazy(() =>
  import('./areas/accountability/area').then((module) => ({ default: module.ActivationsArea })),
);

// And the operations screen, with MapLibre.
const OperationsArea = lazy(() =>
  import('./areas/operations/area').then((module) => ({ default: module.OperationsArea })),
);

// And the guarantee board.
const BoardPage = lazy(() =>
  import('./areas/board/page').then((module) => ({ default: module.BoardPage })),
);

/**
 * Where a session lands from `/` or the sign-in page: the remembered path (with its query) if
 * its area is allowed.
 */
function landingPath(session: Session, remembered: string | null): string {
  const area = remembered === null ? undefined : areaAt(remembered);
  const allowed = allowedAreas(session.verbs);
  if (remembered === null || area === undefined || !allowed.includes(area)) {
    return defaultPath(session.verbs);
  }
  return area.nested === true ? remembered : area.path;
}

/** The root component. */
export function App() {
  const path = usePath();
  const auth = useAuth();
  const { state } = auth;
  const remembered = useRef<string | null>(null);
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<unknown>(null);

  const target =
    state.phase === 'signedIn' && (path === '/' || path === LOGIN_PATH)
      ? landingPath(state.session, remembered.current)
      : path;

  useEffect(() => {
    if (state.phase === 'signedOut' && path !== LOGIN_PATH) {
      // Come back here after signing in, unless the user chose to leave.
      const leftOnPurpose = state.notice !== null && state.notice !== 'login.sessionEnded';
      remembered.current = path === '/' || leftOnPurpose ? null : path + window.location.search;
      navigate(LOGIN_PATH, { replace: true });
    } else if (state.phase === 'signedIn' && target !== path) {
      remembered.current = null;
      navigate(target, { replace: true });
    }
  }, [state, path, target]);

  async function handleLogout() {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await signOut();
      auth.signedOut('login.loggedOut');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) auth.signedOut('login.loggedOut');
      else setLogoutError(error);
    } finally {
      setLoggingOut(false);
    }
  }

  switch (state.phase) {
    case 'loading':
      return (
        <p className="boot-status" role="status">
          {t('app.loading')}
        </p>
      );
    case 'failed':
      return (
        <main id="main" className="boot-failed">
          <PageTitle>{t('app.bootFailed')}</PageTitle>
          <ErrorMessage error={state.error} />
          <button type="button" onClick={auth.retry}>
            {t('app.retry')}
          </button>
        </main>
      );
    case 'signedOut':
      return (
        <LoginPage instance={state.instance} notice={state.notice} onSignedIn={auth.signedIn} />
      );
    case 'signedIn': {
      const area = areaAt(target);
      const targetPath = pathOnly(target);
      const allowed = allowedAreas(state.session.verbs);
      let page;
      if (area === undefined) page = <NotFoundPage path={targetPath} />;
      else if (!allowed.includes(area)) page = <NoAccessPage />;
      else if (area.id === 'users') {
        page = <UsersPage selfName={state.session.user.name} onSelfChanged={auth.refresh} />;
      } else if (area.id === 'record') {
        page = <RecordPage />;
      } else if (area.id === 'agreements') {
        page = <AgreementsArea path={targetPath} />;
      } else if (area.id === 'monitoring') {
        page = (
          <ErrorBoundary>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <MonitoringArea
                path={targetPath}
                canImport={state.session.verbs.includes(REPORT_SUBMIT_VERB)}
                canGroup={state.session.verbs.includes(INCIDENT_GROUP_VERB)}
                session={state.session}
              />
            </Suspense>
          </ErrorBoundary>
        );
      } else if (area.id === 'operations') {
        page = (
          <ErrorBoundary>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <OperationsArea path={targetPath} mapTiles={state.instance.mapTiles ?? null} />
            </Suspense>
          </ErrorBoundary>
        );
      } else if (area.id === 'board') {
        page = (
          <ErrorBoundary>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <BoardPage session={state.session} />
            </Suspense>
          </ErrorBoundary>
        );
      } else if (area.id === 'activations') {
        page = (
          <ErrorBoundary>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <ActivationsArea path={targetPath} session={state.session} />
            </Suspense>
          </ErrorBoundary>
        );
      } else {
        page = (
          <AccountPage
            userName={state.session.user.name}
            onPasswordChanged={() => auth.signedOut('login.passwordChanged')}
          />
        );
      }
      return (
        <Shell
          instance={state.instance}
          session={state.session}
          areas={allowed}
          path={targetPath}
          loggingOut={loggingOut}
          logoutError={logoutError}
          onLogout={() => void handleLogout()}
        >
          {page}
        </Shell>
      );
    }
  }
}
