/** Pages for paths the app does not have, or that the session may not open. */
import { t } from '../strings';
import { Link } from './link';
import { PageTitle } from './page-title';

/** Shown for an unknown path inside the app, with a way back to the start page. */
export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text', { path })}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

/** Shown when the session's role does not give access to the area at the path. */
export function NoAccessPage() {
  return (
    <>
      <PageTitle>{t('noAccess.title')}</PageTitle>
      <p>{t('noAccess.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
