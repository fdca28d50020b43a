/**
 * The zones in force when an incident happened and how its place relates to each: inside,
 * outside, near the edge, or undecidable, with the distance; approximate zones and zones whose
 * validity cannot be decided are said so in words.
 */
import { Link } from '../../components/link';
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
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('incidentZones.title')}</h2>
      {zones.length === 0 ? (
        <p>{t('incidentZones.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('incidentZones.colZone')}</th>
                <th scope="col">{t('incidentZones.colDocument')}</th>
                <th scope="col">{t('incidentZones.colRelation')}</th>
                <th scope="col">{t('incidentZones.colInForce')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
