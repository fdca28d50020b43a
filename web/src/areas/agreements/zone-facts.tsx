/** Facts about a zone shared by the document page and the zones map: validity and shape. */
import { CalendarDate } from '../../components/calendar-date';
import { Message } from '../../components/message';
import { t } from '../../strings';
import { formatNumber } from './format';
import type { ZoneFields } from './types';

/** When the zone is in force: "From 17 Feb 2015", "1 Mar to 5 Mar 2015", or "No dates given". */
export function ZoneValidity({ zone }: { readonly zone: ZoneFields }) {
  const { validFrom, validTo } = zone;
  if (validFrom !== undefined && validTo !== undefined) {
    return (
      <Message
        id="zones.validRange"
        values={{ from: <CalendarDate value={validFrom} />, to: <CalendarDate value={validTo} /> }}
      />
    );
  }
  if (validFrom !== undefined) {
    return <Message id="zones.validFrom" values={{ date: <CalendarDate value={validFrom} /> }} />;
  }
  if (validTo !== undefined) {
    return <Message id="zones.validTo" values={{ date: <CalendarDate value={validTo} /> }} />;
  }
  return <>{t('zones.validAlways')}</>;
}

/** Props of ZoneShape. */
export interface ZoneShapeProps {
  /** The GeoJSON geometry type. */
  readonly geometryType: string;
  readonly zone: ZoneFields;
  /** The zones of the same document, to name the zone a buffer is drawn around. */
  readonly zones: readonly ZoneFields[];
}

/** Point, line or area; for a computed buffer, how wide and around what. */
export function ZoneShape({ geometryType, zone, zones }: ZoneShapeProps) {
  const { buffer } = zone;
  if (buffer !== undefined) {
    const of = zones.find((z) => z.id === buffer.of)?.name ?? buffer.of;
    return <>{t('zones.buffer', { km: formatNumber(buffer.distanceKm), zone: of })}</>;
  }
  return <>{shapeLabel(geometryType)}</>;
}

/** The kind of shape a GeoJSON geometry type draws. */
function shapeLabel(geometryType: string): string {
  if (geometryType === 'Point' || geometryType === 'MultiPoint') return t('zones.shapePoint');
  if (geometryType === 'LineString' || geometryType === 'MultiLineString') {
    return t('zones.shapeLine');
  }
  if (geometryType === 'Polygon' || geometryType === 'MultiPolygon') return t('zones.shapeArea');
  return t('zones.shapeOther', { type: geometryType });
}
