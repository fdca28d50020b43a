/**
 * A document's zones: name, kind, whether drawn approximately, when in force, the shape, and
 * the source; with a link to the zones map showing only this document's zones.
 */
import { Link } from '../../components/link';
import { SourceText } from '../../components/source-text';
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
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('zones.title')}</h2>
      {zones.length === 0 ? (
        <p>{t('zones.empty')}</p>
      ) : (
        <>
          <p>
            <Link to={zonesMapPath(documentId)}>{t('zones.showMap')}</Link>
          </p>
          <div className="table-scroll">
            <table className="data-table" aria-labelledby={id}>
              <thead>
                <tr>
                  <th scope="col">{t('zones.colName')}</th>
                  <th scope="col">{t('zones.colKind')}</th>
                  <th scope="col">{t('zones.colValid')}</th>
                  <th scope="col">{t('zones.colShape')}</th>
                  <th scope="col">{t('zones.colSource')}</th>
                </tr>
              </thead>
              <tbody>
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
                      {zone.source === undefined ? (
                        t('zones.noSource')
                      ) : (
                        <SourceText source={zone.source} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
