/**
 * A document's zones: name, kind, whether drawn approximately, when in force, the shape, and
 * the source; with a link to the zones map showing only this document's zones.
 */
import { Link } from '../../components/link';
import { SourceText } from '../../components/source-text';
import { TablePanel } from '../../components/table-panel';
import { WarningFlag } from '../../components/warning-flag';
import { t } from '../../strings';
import { zonesMapPath } from './paths';
import type { ZoneSummary } from './types';
import { zoneKindLabel } from './words';
import { ZoneShape, ZoneValidity } from './zone-facts';

/** Props of DocumentZones. */
export interface DocumentZonesProps {
  /** The id of the section's heading, for in-page links. */
  readonly id: string;
  readonly documentId: string;
  readonly zones: readonly ZoneSummary[];
}

/** The zones section. */
export function DocumentZones({ id, documentId, zones }: DocumentZonesProps) {
  return (
    <TablePanel
      id={id}
      title={t('zones.title')}
      isEmpty={zones.length === 0}
      empty={t('zones.empty')}
      before={
        <p>
          <Link to={zonesMapPath(documentId)}>{t('zones.showMap')}</Link>
        </p>
      }
      columns={[
        t('zones.colName'),
        t('zones.colKind'),
        t('zones.colValid'),
        t('zones.colShape'),
        t('zones.colSource'),
      ]}
    >
      {zones.map((zone) => (
        <tr key={zone.id}>
          <th scope="row">
            {zone.name}
            {zone.approximate === true && (
              <span className="cell-flag">
                <WarningFlag>{t('zones.approximate')}</WarningFlag>
              </span>
            )}
          </th>
          <td>{zoneKindLabel(zone.kind)}</td>
          <td>
            <ZoneValidity zone={zone} />
          </td>
          <td>
            <ZoneShape geometryType={zone.geometryType} zone={zone} zones={zones} />
          </td>
          <td className="cell-note-size">
            {zone.source === undefined ? t('zones.noSource') : <SourceText source={zone.source} />}
          </td>
        </tr>
      ))}
    </TablePanel>
  );
}
