/**
 * How zones are drawn, in one place for the map and its legend: a colour per kind of zone,
 * lines for lines of contact and withdrawal lines (dashed when drawn approximately), translucent
 * fills with outlines for security zones and buffers, circles for points. Also the base style
 * (a plain background, with country outlines when they are given: no tile server) and the
 * geometry helpers the map needs (bounds, an anchor for popups).
 */
import type { FeatureCollection, Geometry as GeoJsonGeometry } from 'geojson';
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { Geometry, ZoneFeature, ZoneKind } from '../areas/agreements/types';

/** The colour of each kind of zone (each at least 4.5:1 on white, for the legend's text). */
export const ZONE_COLOURS: Readonly<Record<ZoneKind, string>> = {
  line_of_contact: '#b42318',
  withdrawal_line: '#1d4ed8',
  security_zone: '#c2410c',
  buffer: '#7e22ce',
  storage_site: '#146c2e',
  monitor_post: '#0f766e',
};
const OTHER_COLOUR = '#4a5565';

/** The colour of a zone of `kind` (grey for a kind the app does not know). */
export function zoneColour(kind: string): string {
  return (ZONE_COLOURS as Readonly<Record<string, string>>)[kind] ?? OTHER_COLOUR;
}

/** How a fill of each kind is filled: security zones lightly (they nest), buffers more. */
const FILL_OPACITY: Readonly<Record<string, number>> = {
  security_zone: 0.14,
  buffer: 0.2,
  storage_site: 0.35,
};
const DEFAULT_FILL_OPACITY = 0.2;

/** The opacity of a zone's fill. */
export function fillOpacity(kind: string): number {
  return FILL_OPACITY[kind] ?? DEFAULT_FILL_OPACITY;
}

/** Line widths in pixels: the line of contact stands out. */
const LINE_WIDTH: Readonly<Record<string, number>> = { line_of_contact: 3.5, withdrawal_line: 2.5 };
const DEFAULT_LINE_WIDTH = 2;

/** The width of a zone drawn as a line. */
export function lineWidth(kind: string): number {
  return LINE_WIDTH[kind] ?? DEFAULT_LINE_WIDTH;
}

/** The dash of approximate lines and outlines, in line widths. */
export const APPROXIMATE_DASH = [2, 1.5];

/** The id of the GeoJSON source holding the zones. */
export const ZONES_SOURCE = 'zones';

/** The layers that draw zones, bottom to top; clicks are looked up in these. */
export const ZONE_LAYERS = [
  'zones-fill',
  'zones-outline',
  'zones-outline-approximate',
  'zones-line',
  'zones-line-approximate',
  'zones-point',
] as const;

function byKind(value: (kind: string) => number | string, fallback: number | string) {
  const kinds = Object.keys(ZONE_COLOURS);
  return [
    'match',
    ['get', 'kind'],
    ...kinds.flatMap((kind) => [kind, value(kind)]),
    fallback,
  ] as unknown as ExpressionSpecification;
}

const isArea: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon']],
];
const isLine: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['LineString', 'MultiLineString']],
];
const isPoint: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Point', 'MultiPoint']],
];
const approximate: ExpressionSpecification = ['==', ['get', 'approximate'], true];
const exact: ExpressionSpecification = ['!=', ['get', 'approximate'], true];

/** The zone layers, all on the zones source. */
export function zoneLayers(): LayerSpecification[] {
  const colour = byKind(zoneColour, OTHER_COLOUR) as DataDrivenPropertyValueSpecification<string>;
  const width = byKind(
    lineWidth,
    DEFAULT_LINE_WIDTH,
  ) as DataDrivenPropertyValueSpecification<number>;
  const outline = { 'line-color': colour, 'line-width': 1.5 };
  const line = { 'line-color': colour, 'line-width': width };
  return [
    {
      id: 'zones-fill',
      type: 'fill',
      source: ZONES_SOURCE,
      filter: isArea,
      paint: {
        'fill-color': colour,
        'fill-opacity': byKind(
          fillOpacity,
          DEFAULT_FILL_OPACITY,
        ) as DataDrivenPropertyValueSpecification<number>,
      },
    },
    {
      id: 'zones-outline',
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', isArea, exact],
      paint: outline,
    },
    {
      id: 'zones-outline-approximate',
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', isArea, approximate],
      paint: { ...outline, 'line-dasharray': APPROXIMATE_DASH },
    },
    {
      id: 'zones-line',
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', isLine, exact],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: line,
    },
    {
      id: 'zones-line-approximate',
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', isLine, approximate],
      layout: { 'line-join': 'round' },
      paint: { ...line, 'line-dasharray': APPROXIMATE_DASH },
    },
    {
      id: 'zones-point',
      type: 'circle',
      source: ZONES_SOURCE,
      filter: isPoint,
      paint: {
        'circle-color': colour,
        'circle-radius': 7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** The base style: a plain sea-coloured background; outlines and zones are added to it. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dbe5ef' } }],
  };
}

/** The layers that draw country outlines (sources `land` and `borders`), below the zones. */
export function outlineLayers(): LayerSpecification[] {
  return [
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f8f8f4' } },
    {
      id: 'borders',
      type: 'line',
      source: 'borders',
      paint: { 'line-color': '#8c96a3', 'line-width': 0.8 },
    },
  ];
}

/** A bounding box `[west, south, east, north]`. */
export type Bounds = [number, number, number, number];

/** The smallest bounds holding both; either may be null (nothing). */
function mergeBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (a === null) return b;
  if (b === null) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The bounds of nested coordinate arrays; null when there are no positions. */
function coordinateBounds(value: unknown): Bounds | null {
  if (!Array.isArray(value)) return null;
  const [x, y] = value as unknown[];
  if (typeof x === 'number' && typeof y === 'number') return [x, y, x, y];
  return value.reduce<Bounds | null>(
    (bounds, item) => mergeBounds(bounds, coordinateBounds(item)),
    null,
  );
}

/** The bounds of a geometry; null when it has no coordinates. */
export function geometryBounds(geometry: Geometry): Bounds | null {
  if (geometry.type === 'GeometryCollection') {
    return geometry.geometries.reduce<Bounds | null>(
      (bounds, part) => mergeBounds(bounds, geometryBounds(part)),
      null,
    );
  }
  return coordinateBounds(geometry.coordinates);
}

/** The bounds of every zone together; null when there are none with coordinates. */
export function collectionBounds(features: readonly ZoneFeature[]): Bounds | null {
  return features.reduce<Bounds | null>(
    (bounds, feature) => mergeBounds(bounds, geometryBounds(feature.geometry)),
    null,
  );
}

/** Where a zone's popup points: the point, the middle vertex of a line, else the centre. */
export function zoneAnchor(geometry: Geometry): [number, number] | null {
  if (geometry.type === 'Point')
    return [geometry.coordinates[0] ?? 0, geometry.coordinates[1] ?? 0];
  if (geometry.type === 'LineString') {
    const middle = geometry.coordinates[Math.floor(geometry.coordinates.length / 2)];
    if (middle !== undefined) return [middle[0] ?? 0, middle[1] ?? 0];
  }
  const b = geometryBounds(geometry);
  return b === null ? null : [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** The key of a zone feature: `<document>/<zone>`. */
export function zoneKey(documentId: string, zoneId: string): string {
  return `${documentId}/${zoneId}`;
}

/**
 * The zones as the map's source data: larger areas first so smaller ones draw on top, and
 * only the flat properties the layers read (kind, approximate, key).
 */
export function zoneSourceData(features: readonly ZoneFeature[]): FeatureCollection {
  const area = (feature: ZoneFeature) => {
    const b = geometryBounds(feature.geometry);
    return b === null ? 0 : (b[2] - b[0]) * (b[3] - b[1]);
  };
  const sorted = [...features].sort((a, b) => area(b) - area(a));
  return {
    type: 'FeatureCollection',
    features: sorted.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry as GeoJsonGeometry,
      properties: {
        kind: feature.properties.kind,
        approximate: feature.properties.approximate,
        key: zoneKey(feature.properties.documentId, feature.properties.id),
      },
    })),
  };
}
