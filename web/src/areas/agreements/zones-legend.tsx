/**
 * The legend of the zones map, which is also its list of zones: for each zone a swatch drawn
 * like the map draws it, its name, its kind (saying in words when it is approximate), when it is
 * in force, and a button that shows it on the map with its details.
 */
import { Link } from '../../components/link';
import {
  APPROXIMATE_DASH,
  fillOpacity,
  lineWidth,
  zoneColour,
  zoneKey,
} from '../../map/zone-style';
import { t } from '../../strings';
import { documentPath } from './paths';
import type { DocumentSummary, ZoneFeature } from './types';
import { zoneKindLabel } from './words';
import { ZoneValidity } from './zone-facts';

/** Props of ZonesLegend. */
export interface ZonesLegendProps {
  readonly features: readonly ZoneFeature[];
  readonly documents: readonly DocumentSummary[];
  /** Name each zone's document (when zones of several documents are shown). */
  readonly showDocuments: boolean;
  /** The key of the zone whose details are open. */
  readonly selected: string | null;
  readonly onShow: (key: string) => void;
}

/** "Line of contact, drawn approximately" or "Security zone". */
export function zoneKindText(feature: ZoneFeature): string {
  const kind = zoneKindLabel(feature.properties.kind);
  return feature.properties.approximate ? t('map.kindApproximate', { kind }) : kind;
}

/** The legend panel. */
export function ZonesLegend(props: ZonesLegendProps) {
  const { features, documents, showDocuments, selected, onShow } = props;
  return (
    <section className="panel zones-legend" aria-labelledby="zones-legend-title">
      <h2 id="zones-legend-title">{t('map.legendTitle')}</h2>
      <ul className="legend-list">
        {features.map((feature) => {
          const { documentId, id, name } = feature.properties;
          const key = zoneKey(documentId, id);
          const document = documents.find((d) => d.id === documentId);
          return (
            <li
              key={key}
              className={key === selected ? 'legend-item legend-selected' : 'legend-item'}
            >
              <ZoneSwatch feature={feature} />
              <div className="legend-text">
                <p className="legend-name">{name}</p>
                <p className="cell-note legend-kind">{zoneKindText(feature)}</p>
                <p className="cell-note">
                  <ZoneValidity zone={feature.properties} />
                </p>
                {showDocuments && (
                  <p className="cell-note">
                    <Link to={documentPath(documentId)}>
                      {document?.shortTitle ?? document?.title ?? documentId}
                    </Link>
                  </p>
                )}
              </div>
              <button
                type="button"
                className="button-small button-secondary"
                data-zone-key={key}
                aria-label={t('map.showLabel', { name })}
                aria-pressed={key === selected}
                onClick={() => onShow(key)}
              >
                {t('map.show')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A small drawing of how the map draws the zone: a line, a filled area or a dot. */
function ZoneSwatch({ feature }: { readonly feature: ZoneFeature }) {
  const { kind, approximate } = feature.properties;
  const colour = zoneColour(kind);
  const type = feature.geometry.type;
  let shape;
  if (type === 'LineString' || type === 'MultiLineString') {
    const width = lineWidth(kind);
    shape = (
      <line
        x1="3"
        y1="11"
        x2="37"
        y2="11"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={approximate ? APPROXIMATE_DASH.map((d) => d * width).join(' ') : undefined}
      />
    );
  } else if (type === 'Point' || type === 'MultiPoint') {
    shape = <circle cx="20" cy="11" r="7" fill={colour} stroke="#ffffff" strokeWidth="2" />;
  } else {
    shape = (
      <rect
        x="3"
        y="3"
        width="34"
        height="16"
        fill={colour}
        fillOpacity={Math.min(1, fillOpacity(kind) * 2)}
        stroke={colour}
        strokeWidth="1.5"
        strokeDasharray={approximate ? APPROXIMATE_DASH.map((d) => d * 1.5).join(' ') : undefined}
      />
    );
  }
  return (
    <svg className="zone-swatch" width="40" height="22" viewBox="0 0 40 22" aria-hidden="true">
      {shape}
    </svg>
  );
}
