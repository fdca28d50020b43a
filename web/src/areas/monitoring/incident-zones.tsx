/**
 * The zones in force when an incident happened and how its place relates to each: inside,
 * outside, near the edge, or undecidable, with the distance; approximate zones and zones whose
 * validity cannot be decided are said so in words.
 */
import { Link } from '../../components/link';
import { TablePanel } from '../../components/table-panel';
import { WarningFlag } from '../../components/warning-flag';
import { t, type MessageId } from '../../strings';
import { documentPath } from '../agreements/paths';
import type { IncidentZone } from './types';
import { distanceText, zoneKindWord } from './words';

const RELATIONS: Readonly<Record<IncidentZone['relation'], MessageId>> = {
  inside: 'relation.inside',
  outside: 'relation.outside',
  near: 'relation.near',
  indeterminate: 'relation.indeterminate',
};

/** Props of IncidentZones. */
export interface IncidentZonesProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly zones: readonly IncidentZone[];
}

/** The zones section of an incident page. */
export function IncidentZones({ id, zones }: IncidentZonesProps) {
  return (
    <TablePanel
      id={id}
      title={t('incidentZones.title')}
      isEmpty={zones.length === 0}
      empty={t('incidentZones.empty')}
      columns={[
        t('incidentZones.colZone'),
        t('incidentZones.colDocument'),
        t('incidentZones.colRelation'),
        t('incidentZones.colInForce'),
      ]}
    >
      {zones.map((zone) => (
        <tr key={`${zone.documentId}/${zone.zoneId}`}>
          <th scope="row">
            {zone.name}
            <span className="cell-note">{zoneKindWord(zone.kind)}</span>
            {zone.approximate && (
              <span className="cell-flag">
                <WarningFlag>{t('zones.approximate')}</WarningFlag>
              </span>
            )}
          </th>
          <td>
            <Link to={documentPath(zone.documentId)}>{zone.documentId}</Link>
          </td>
          <td>
            <strong>{t(RELATIONS[zone.relation])}</strong>
            <span className="cell-note">
              {t('incidentZones.distance', { distance: distanceText(zone.distanceM) })}
            </span>
          </td>
          <td>
            {zone.inForce === 'yes' ? (
              t('incidentZones.inForceYes')
            ) : (
              <WarningFlag>{t('incidentZones.inForceIndeterminate')}</WarningFlag>
            )}
          </td>
        </tr>
      ))}
    </TablePanel>
  );
}
