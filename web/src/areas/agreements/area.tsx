/**
 * The agreements area: the document list, a document, one commitment, and the zones map. The
 * map page (with MapLibre) is loaded only when it is opened, so the first screen stays small.
 */
import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../../components/error-boundary';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { t } from '../../strings';
import { CommitmentPage } from './commitment-page';
import { DocumentListPage } from './document-list-page';
import { DocumentPage } from './document-page';
import { parseAgreementsPath } from './paths';

const ZonesMapPage = lazy(() =>
  import('./zones-map-page').then((module) => ({ default: module.ZonesMapPage })),
);

/** The page of the agreements area at `path` (no query string). */
export function AgreementsArea({ path }: { readonly path: string }) {
  const route = parseAgreementsPath(path);
  switch (route.page) {
    case 'list':
      return <DocumentListPage />;
    case 'document':
      return <DocumentPage key={route.documentId} documentId={route.documentId} />;
    case 'commitment':
      return (
        <CommitmentPage
          key={`${route.documentId}/${route.commitmentId}`}
          documentId={route.documentId}
          commitmentId={route.commitmentId}
        />
      );
    case 'zones':
      return (
        <ErrorBoundary>
          <Suspense fallback={<MapPageLoading />}>
            <ZonesMapPage />
          </Suspense>
        </ErrorBoundary>
      );
    case 'unknown':
      return <NotFoundPage path={path} />;
  }
}

function MapPageLoading() {
  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <p role="status">{t('map.loading')}</p>
    </>
  );
}
