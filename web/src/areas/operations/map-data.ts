/**
 * What the operations map draws, apart from the component: the view's bbox as the API takes it,
 * the incidents and clusters as source data, and their marker and count images, drawn on a
 * canvas (the colours and shapes of style.ts).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BBox, IncidentProperties } from './api';
import {
  categoryOf,
  CATEGORY_COLOURS,
  countLabel,
  drawMarker,
  MARKER_SIZE,
  markerImageId,
  radiusAtZoomZero,
  statusShape,
} from './style';

/** The view's bounds as a bbox the API accepts (within ±180 / ±85). */
export function viewBox(map: MapLibreMap): BBox {
  const b = map.getBounds();
  const west = b.getWest();
  const east = b.getEast();
  const wide = east - west >= 360;
  return [
    wide ? -180 : Math.max(-180, west),
    Math.max(-85, b.getSouth()),
    wide ? 180 : Math.min(180, east),
    Math.min(85, b.getNorth()),
  ];
}

/** The incidents as source data, with their category, marker and precision radius. */
export function incidentSourceData(
  features: readonly Feature<Point, IncidentProperties>[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((feature) => {
      const { properties } = feature;
      const category = categoryOf(properties.type);
      const [, lat = 0] = feature.geometry.coordinates;
      return {
        type: 'Feature',
        geometry: feature.geometry,
        properties: {
          ...properties,
          category,
          icon: markerImageId(category, properties.status),
          r0: radiusAtZoomZero(properties.radiusM ?? 0, lat),
        },
      };
    }),
  };
}

/** The clusters as source data, with their count labels. */
export function clusterSourceData(
  features: readonly Feature<Point, { count: number; incidentId: string | null }>[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, label: countLabel(feature.properties.count) },
    })),
  };
}

/**
 * Draws the marker and count images not yet drawn, before the data that uses them is set: an
 * image added only when a layer misses it may be left out of tiles laid out meanwhile.
 */
export function addImages(map: MapLibreMap, ids: readonly string[]): void {
  for (const id of new Set(ids)) if (!map.hasImage(id)) addImage(map, id);
}

/** Draws one marker (`ops-<category>-<status>`) or count (`ops-count-<label>`) image. */
function addImage(map: MapLibreMap, id: string): void {
  const ratio = 2;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (context === null) return;
  if (id.startsWith('ops-count-')) {
    const label = id.slice('ops-count-'.length);
    const font = `bold ${12 * ratio}px system-ui, sans-serif`;
    context.font = font;
    canvas.width = Math.ceil(context.measureText(label).width) + 4 * ratio;
    canvas.height = 16 * ratio;
    context.font = font;
    context.fillStyle = '#ffffff';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(label, canvas.width / 2, canvas.height / 2 + ratio);
  } else {
    const [, category = 'other', ...status] = id.split('-');
    canvas.width = MARKER_SIZE * ratio;
    canvas.height = MARKER_SIZE * ratio;
    const colour =
      (CATEGORY_COLOURS as Readonly<Record<string, string>>)[category] ?? CATEGORY_COLOURS.other;
    drawMarker(context, statusShape(status.join('-')), colour, ratio);
  }
  map.addImage(id, context.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: ratio });
}
