/** The trail of pages above the current one, as links. */
import { t } from '../strings';
import { Link } from './link';

/** One step of the trail. */
export interface Crumb {
  readonly label: string;
  readonly to: string;
}

/** A navigation landmark listing the pages above this one, outermost first. */
export function Breadcrumb({ trail }: { readonly trail: readonly Crumb[] }) {
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumb.label')}>
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
