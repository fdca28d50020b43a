/** A warning shown with an icon and words, so it never depends on colour alone. */
import type { ReactNode } from 'react';
import { t } from '../strings';

/** An inline flag: the warning icon (hidden from screen readers) followed by `children`. */
export function WarningFlag({ children }: { readonly children: ReactNode }) {
  return (
    <span className="flag flag-warn">
      <span className="flag-icon" aria-hidden="true">
        {t('icon.warning')}
      </span>
      <span>{children}</span>
    </span>
  );
}
