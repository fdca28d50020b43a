/**
 * How the operations map draws incidents, in one place for the map and its legend: a colour
 * per category of incident type (the Okabe-Ito palette, told apart with colour-blindness) and
 * a shape per status, so colour is never the only signal; the shapes are SVG paths drawn both
 * into the map's marker images and into the HTML legend. Precision circles have a radius in
 * metres, turned into pixels per zoom level by the circle layer.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { VERIFICATION_STATUSES } from '../../../../src/core/accountability/model.js';
import { INCIDENT_CATEGORIES } from '../../../../src/core/agreements/vocabulary.js';

/** A category of incident types (kinetic_remote, obstruction…). */
export type Category = keyof typeof INCIDENT_CATEGORIES;

/** Every category, in vocabulary order. */
export const CATEGORIES = Object.keys(INCIDENT_CATEGORIES) as Category[];

/** The colour of each category. */
export const CATEGORY_COLOURS: Readonly<Record<Category, string>> = {
  kinetic_remote: '#d55e00',
  kinetic_direct: '#cc79a7',
  harm_to_civilians: '#e69f00',
  force_posture: '#0072b2',
  obstruction: '#009e73',
  other: '#555555',
};

/** The category of an incident type; `other` for a type the app does not know. */
export function categoryOf(type: string): Category {
  for (const category of CATEGORIES) {
    if ((INCIDENT_CATEGORIES[category] as readonly string[]).includes(type)) return category;
  }
  return 'other';
}

/** A marker shape: an SVG path in a 24 x 24 box, drawn filled or as an outline. */
export interface Shape {
  readonly path: string;
  readonly filled: boolean;
}

const CIRCLE = 'M4 12a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z';
const SQUARE = 'M5 5H19V19H5Z';
const TRIANGLE = 'M12 3L21 19H3Z';
const DIAMOND = 'M12 2L22 12L12 22L2 12Z';
const CROSS = 'M5 8L8 5L12 9L16 5L19 8L15 12L19 16L16 19L12 15L8 19L5 16L9 12Z';

/** The shape of each status: open while unsettled, filled once established, a cross if rejected. */
export const STATUS_SHAPES: Readonly<Record<(typeof VERIFICATION_STATUSES)[number], Shape>> = {
  reported: { path: CIRCLE, filled: false },
  under_investigation: { path: SQUARE, filled: false },
  corroborated: { path: TRIANGLE, filled: true },
  verified: { path: CIRCLE, filled: true },
  not_a_violation: { path: DIAMOND, filled: false },
  unverifiable: { path: TRIANGLE, filled: false },
  rejected: { path: CROSS, filled: true },
};

/** The shape of a status (a status the app does not know is drawn as reported). */
export function statusShape(status: string): Shape {
  return (STATUS_SHAPES as Readonly<Record<string, Shape>>)[status] ?? STATUS_SHAPES.reported;
}

/** The size of a marker on the map, in CSS pixels. */
export const MARKER_SIZE = 22;

/** The id of the marker image of a category and status. */
export function markerImageId(category: string, status: string): string {
  return `ops-${category}-${status in STATUS_SHAPES ? status : 'reported'}`;
}

/** Draws a marker (shape of the status, colour of the category) on a canvas 2D context. */
export function drawMarker(
  context: CanvasRenderingContext2D,
  shape: Shape,
  colour: string,
  scale: number,
): void {
  context.save();
  context.scale((scale * MARKER_SIZE) / 24, (scale * MARKER_SIZE) / 24);
  const path = new Path2D(shape.path);
  context.lineJoin = 'round';
  if (shape.filled) {
    context.fillStyle = colour;
    context.fill(path);
    context.strokeStyle = '#ffffff';
    context.lineWidth = 1.5;
    context.stroke(path);
  } else {
    context.fillStyle = '#ffffff';
    context.fill(path);
    context.strokeStyle = colour;
    context.lineWidth = 3;
    context.stroke(path);
  }
  context.restore();
}

/** The ids of the sources the operations map fills. */
export const CLUSTER_SOURCE = 'ops-clusters';
export const INCIDENT_SOURCE = 'ops-incidents';

/** The layers that answer hover and click. */
export const INCIDENT_LAYER = 'ops-incident';
export const CLUSTER_LAYER = 'ops-cluster';

/** Metres per pixel at zoom 0 on the equator (a 512-pixel world). */
const METRES_PER_PIXEL_Z0 = 78_271.517;

/**
 * The precision radius in pixels at zoom 0 of a place: the circle layer doubles it per zoom
 * level. Web Mercator stretches by 1 / cos(latitude).
 */
export function radiusAtZoomZero(radiusM: number, lat: number): number {
  return radiusM / (METRES_PER_PIXEL_Z0 * Math.cos((lat * Math.PI) / 180));
}

/** A cluster's label: the count, shortened past 999 ("1.2k", "34k"). */
export function countLabel(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(Math.floor(count / 100) / 10).toString()}k`;
  return `${Math.floor(count / 1000)}k`;
}

/** The layers of the operations map, bottom to top, on the two sources above. */
export function incidentLayers(): LayerSpecification[] {
  const colour = [
    'match',
    ['get', 'category'],
    ...CATEGORIES.flatMap((category) => [category, CATEGORY_COLOURS[category]]),
    CATEGORY_COLOURS.other,
  ] as unknown as ExpressionSpecification;
  return [
    {
      id: 'ops-precision',
      type: 'circle',
      source: INCIDENT_SOURCE,
      paint: {
        // The radius in metres, whatever the zoom: it doubles with every zoom level.
        'circle-radius': [
          'interpolate',
          ['exponential', 2],
          ['zoom'],
          0,
          ['get', 'r0'],
          24,
          ['*', ['get', 'r0'], 2 ** 24],
        ],
        'circle-color': colour,
        'circle-opacity': 0.14,
        'circle-stroke-color': colour,
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.7,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: INCIDENT_LAYER,
      type: 'symbol',
      source: INCIDENT_SOURCE,
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: CLUSTER_SOURCE,
      paint: {
        'circle-color': '#1f2a37',
        'circle-opacity': 0.82,
        'circle-radius': ['step', ['get', 'count'], 11, 10, 14, 100, 18, 1000, 23],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'ops-cluster-count',
      type: 'symbol',
      source: CLUSTER_SOURCE,
      layout: {
        'icon-image': ['concat', 'ops-count-', ['get', 'label']],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ];
}
