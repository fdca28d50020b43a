/** The main navigation: the areas the session may open, and the API documentation. */
import { areaAt, type Area } from '../areas';
import { t } from '../strings';
import { Link } from './link';

/** Props of MainNav. */
export interface MainNavProps {
  readonly areas: readonly Area[];
  /** The path of the page on screen; the item of its area is marked as current. */
  readonly path: string;
}

/** A navigation landmark listing the allowed areas; the active one has `aria-current="page"`. */
export function MainNav({ areas, path }: MainNavProps) {
  const current = areaAt(path);
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {areas.map((area) => (
          <li key={area.id}>
            <Link to={area.path} aria-current={area.id === current?.id ? 'page' : undefined}>
              {t(area.label)}
            </Link>
          </li>
        ))}
        <li>
          <a href="/docs" target="_blank" rel="noopener noreferrer">
            {t('nav.apiDocs')}
            <span className="visually-hidden"> {t('nav.opensInNewTab')}</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}
