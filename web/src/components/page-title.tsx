/** A page's main heading, which also sets the document title. */
import { useEffect } from 'react';
import { t } from '../strings';

/** The page's `<h1>`; focusable by script so navigation can move focus to it. */
export function PageTitle({ children }: { readonly children: string }) {
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children]);
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
