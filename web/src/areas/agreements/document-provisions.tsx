/** A document's provisions: where each stands in the text, its kind and its words. */
import { t } from '../../strings';
import { paragraphs } from './format';
import type { Provision } from './types';
import { provisionKindLabel } from './words';

/** Props of DocumentProvisions. */
export interface DocumentProvisionsProps {
  /** The id of the section's heading, for in-page links. */
  readonly id: string;
  readonly provisions: readonly Provision[];
}

/** The provisions section. */
export function DocumentProvisions({ id, provisions }: DocumentProvisionsProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('provisions.title')}</h2>
      {provisions.length === 0 ? (
        <p>{t('provisions.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table table-top" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('provisions.colLocator')}</th>
                <th scope="col">{t('provisions.colKind')}</th>
                <th scope="col">{t('provisions.colText')}</th>
                <th scope="col">{t('provisions.colVersion')}</th>
              </tr>
            </thead>
            <tbody>
              {provisions.map((provision) => (
                <tr key={provision.id}>
                  <th scope="row">{provision.locator}</th>
                  <td>{provisionKindLabel(provision.kind)}</td>
                  <td className="cell-text">
                    {paragraphs(provision.text).map((paragraph, index) => (
                      <p key={index}>{paragraph}</p>
                    ))}
                  </td>
                  <td>
                    {provision.version === undefined ? (
                      t('time.none')
                    ) : (
                      <code>{provision.version}</code>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
