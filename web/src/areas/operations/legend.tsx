/**
 * The legend of the operations map, in HTML so it can be read and reached by keyboard: the
 * colour of each kind of incident, the shape of each status, clusters, precision circles and
 * zones. ShapeIcon draws the same shapes as the map's markers.
 */
import { VERIFICATION_STATUSES } from '../../../../src/core/accountability/model.js';
import { isMessageId, t } from '../../strings';
import { incidentStatusLabel } from '../monitoring/words';
import { CATEGORIES, CATEGORY_COLOURS, STATUS_SHAPES, type Shape } from './style';

/** A marker shape as inline SVG, hidden from assistive technology (the text beside it says it). */
export function ShapeIcon({ shape, colour }: { readonly shape: Shape; readonly colour: string }) {
  return (
    <svg className="ops-shape" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={shape.path}
        fill={shape.filled ? colour : '#ffffff'}
        stroke={shape.filled ? '#ffffff' : colour}
        strokeWidth={shape.filled ? 1.5 : 3}
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The legend panel. */
export function OperationsLegend() {
  return (
    <section className="ops-legend" aria-labelledby="ops-legend-title" tabIndex={0}>
      <h2 id="ops-legend-title">{t('ops.legendTitle')}</h2>
      <h3>{t('ops.legendColours')}</h3>
      <ul>
        {CATEGORIES.map((category) => {
          const id = `event.${category}`;
          return (
            <li key={category}>
              <span
                className="ops-swatch"
                style={{ background: CATEGORY_COLOURS[category] }}
                aria-hidden="true"
              />{' '}
              {isMessageId(id) ? t(id) : category}
            </li>
          );
        })}
      </ul>
      <h3>{t('ops.legendShapes')}</h3>
      <ul>
        {VERIFICATION_STATUSES.map((status) => (
          <li key={status}>
            <ShapeIcon shape={STATUS_SHAPES[status]} colour="#1f2a37" />{' '}
            {incidentStatusLabel(status)}
          </li>
        ))}
      </ul>
      <ul>
        <li>{t('ops.legendCluster')}</li>
        <li>{t('ops.legendPrecision')}</li>
        <li>{t('ops.legendZones')}</li>
      </ul>
    </section>
  );
}
