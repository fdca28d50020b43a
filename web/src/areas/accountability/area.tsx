/**
 * The activations area: the list of activations with the guarantors' summary, and one
 * activation with its response clock, responses and alerts. Its own chunk, loaded when opened.
 */
import type { Session } from '../../api-types';
import { NotFoundPage } from '../../components/not-found-page';
import { ActivationListPage } from './activation-list-page';
import { ActivationPage } from './activation-page';
import { parseActivationsPath } from './paths';

/** Props of ActivationsArea. */
export interface ActivationsAreaProps {
  /** The path on screen, without query string. */
  readonly path: string;
  readonly session: Session;
}

/** The page of the activations area at `path`. */
export function ActivationsArea({ path, session }: ActivationsAreaProps) {
  const route = parseActivationsPath(path);
  switch (route.page) {
    case 'list':
      return <ActivationListPage />;
    case 'activation':
      return (
        <ActivationPage
          key={route.activationId}
          activationId={route.activationId}
          session={session}
        />
      );
    case 'unknown':
      return <NotFoundPage path={path} />;
  }
}
