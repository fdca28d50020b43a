/**
 * The one MapLibre set-up of the app, shared by the operations map and the zones map: the map
 * itself (the offline basemap of zone-style.ts, or the operator's raster tiles; no rotation or
 * pitch; zoom buttons; the app's words for MapLibre's controls), its failures, the country
 * outlines and the zones' source and layers, and the reader's wish for reduced motion.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type MapOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import { feature as topoFeature, mesh } from 'topojson-client';
import { t, type MessageId } from '../strings';
import { baseStyle, outlineLayers, zoneLayers, ZONE_LAYERS, ZONES_SOURCE } from './zone-style';

/** How one map is made. */
export interface MapSetup {
  /** The map's accessible name (MapLibre's `Map.Title`). */
  readonly label: MessageId;
  /** The name of its popups' close button. */
  readonly closePopup: MessageId;
  /** A raster tile URL template replacing the offline basemap; null keeps it offline. */
  readonly tiles: string | null;
  /** Where it first looks: a centre and zoom, or bounds to fit. */
  readonly view: Pick<MapOptions, 'center' | 'zoom' | 'bounds' | 'fitBoundsOptions'>;
  /** How long symbols fade in, in milliseconds; MapLibre's default when absent. */
  readonly fadeDuration?: number;
}

/**
 * Makes a map in `container`; null when it cannot be made (no WebGL, for example). That failure,
 * and any later one of drawing it, goes to `onFailure`.
 */
export function mountMap(
  container: HTMLElement,
  setup: MapSetup,
  onFailure: (error: unknown) => void,
): MapLibreMap | null {
  let map: MapLibreMap;
  try {
    map = createMap(container, setup);
  } catch (error) {
    onFailure(error);
    return null;
  }
  map.on('error', (event) => onFailure(event.error));
  return map;
}

function createMap(container: HTMLElement, setup: MapSetup): MapLibreMap {
  setWorkerUrl(workerUrl);
  const map = new MapLibreMap({
    container,
    style: setup.tiles === null ? baseStyle() : tileStyle(setup.tiles),
    ...setup.view,
    attributionControl: { compact: false, customAttribution: t('map.attribution') },
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    ...(setup.fadeDuration === undefined ? {} : { fadeDuration: setup.fadeDuration }),
    locale: {
      'Map.Title': t(setup.label),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'NavigationControl.ResetBearing': t('map.resetBearing'),
      'Popup.Close': t(setup.closePopup),
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  return map;
}

/** A style with the configured raster tiles as its basemap (only when the operator set one). */
function tileStyle(tiles: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      basemap: {
        type: 'raster',
        tiles: [tiles],
        tileSize: 256,
        attribution: t('map.tilesAttribution', { host: hostOf(tiles) }),
      },
    },
    layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
  };
}

function hostOf(template: string): string {
  try {
    return new URL(template.replace(/[{}]/g, '')).host;
  } catch {
    return template;
  }
}

/** Adds the zones' source with `data` and the layers that draw it. */
export function addZones(map: MapLibreMap, data: FeatureCollection): void {
  map.addSource(ZONES_SOURCE, { type: 'geojson', data });
  for (const layer of zoneLayers()) map.addLayer(layer);
}

/** How many zones (`<document>/<zone>` keys) the map has actually rendered. */
export function renderedZoneCount(map: MapLibreMap): number {
  const features = map.queryRenderedFeatures({ layers: [...ZONE_LAYERS] });
  return new Set(features.map((f) => String(f.properties['key']))).size;
}

/**
 * Adds the country outlines below the zones, once their data has loaded (in its own chunk).
 * Without them (the chunk failed to load) the zones are still drawn.
 */
export async function addOutlines(map: MapLibreMap, isRemoved: () => boolean): Promise<void> {
  const { default: topology } = await import('world-atlas/countries-110m.json');
  if (isRemoved()) return;
  map.addSource('land', { type: 'geojson', data: topoFeature(topology, topology.objects.land) });
  map.addSource('borders', {
    type: 'geojson',
    data: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  });
  for (const layer of outlineLayers()) map.addLayer(layer, ZONE_LAYERS[0]);
}

/** No animation when the reader asked for reduced motion, else MapLibre's default. */
export function motion(): { duration?: number } {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? { duration: 0 } : {};
}
