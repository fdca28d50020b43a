/** The banner that warns an instance runs with demo data and published passwords. */
import { t } from '../strings';

/** A prominent notice shown on every screen of a demo instance. */
export function DemoBanner() {
  return (
    <aside className="demo-banner" aria-label={t('demo.title')}>
      <strong className="demo-banner-title">{t('demo.title')}</strong>
      <span>{t('demo.text')}</span>
    </aside>
  );
}
