/**
 * The frame around every signed-in page: header with product name, user and logout, the demo
 * banner, the main navigation, and the page itself. Moves focus to the page heading when the
 * user goes to another page, so keyboard and screen-reader users start at the new content.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { Instance, Session } from '../api-types';
import type { Area } from '../areas';
import { t } from '../strings';
import { DemoBanner } from './demo-banner';
import { ErrorMessage } from './error-message';
import { Link } from './link';
import { MainNav } from './main-nav';

/** Props of Shell. */
export interface ShellProps {
  readonly instance: Instance;
  readonly session: Session;
  readonly areas: readonly Area[];
  readonly path: string;
  readonly loggingOut: boolean;
  readonly logoutError: unknown;
  readonly onLogout: () => void;
  readonly children: ReactNode;
}

/** The signed-in layout. */
export function Shell(props: ShellProps) {
  const { instance, session, path } = props;
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(path);

  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <MainNav areas={props.areas} path={path} />
        <div className="who">
          <span className="who-text">
            {t('header.signedInAs')} <strong className="who-name">{session.user.name}</strong>
          </span>
          <span className="role-badge">{t('header.role', { role: session.user.role })}</span>
          <button
            type="button"
            className="button-secondary"
            onClick={props.onLogout}
            disabled={props.loggingOut}
          >
            {props.loggingOut ? t('header.loggingOut') : t('header.logout')}
          </button>
        </div>
      </header>
      {instance.demo && <DemoBanner />}
      <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
        <ErrorMessage error={props.logoutError} />
        {props.children}
      </main>
      <footer className="app-footer">{t('app.version', { version: instance.version })}</footer>
    </div>
  );
}
