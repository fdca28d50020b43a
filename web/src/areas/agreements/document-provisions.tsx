/** A document's provisions: where each stands in the text, its kind and its words. */
import { TablePanel } from '../../components/table-panel';
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
    <TablePanel
      id={id}
      title={t('provisions.title')}
      isEmpty={provisions.length === 0}
      empty={t('provisions.empty')}
      tableClassName="table-top"
      columns={[
        t('provisions.colLocator'),
        t('provisions.colKind'),
        t('provisions.colText'),
        t('provisions.colVersion'),
      ]}
    >
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
            {provision.version === undefined ? t('time.none') : <code>{provision.version}</code>}
          </td>
        </tr>
      ))}
    </TablePanel>
  );
}
