/**
 * The operations map (MapLibre, set up by map/setup.ts): the offline basemap and the zones, and
 * the incidents matching the filters in the map view. Far out they come clustered by the server
 * (GET /incidents/clusters); once the view holds at most DETAIL_LIMIT of them, each is drawn
 * (GET /incidents as GeoJSON) with its status as a shape, its category as a colour and its
 * precision as a circle in metres. Views are fetched on filter changes at once and on map moves
 * after a short pause, and a newer view cancels the request of an older one.
 *
 * The container carries `data-rendered` (how many incidents the drawn features stand for) and
 * `data-view` (the filter key), both set only once the map has drawn that data ('idle').
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  LngLatBounds,
  Popup,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ErrorMessage } from '../../components/error-message';
import { Link } from '../../components/link';
import { ObservedWindow } from '../../components/observed-window';
import { DisplayError, errorMessage } from '../../error-details';
import { formatDateTime } from '../../format';
import { addOutlines, addZones, motion, mountMap, renderedZoneCount } from '../../map/setup';
import { collectionBounds, ZONES_SOURCE, zoneSourceData } from '../../map/zone-style';
import { t } from '../../strings';
import type { ZoneFeature } from '../agreements/types';
import { incidentPath } from '../monitoring/paths';
import { incidentStatusLabel, incidentTypeLabel } from '../monitoring/words';
import { getClusters, getIncidentFeatures, isAbort, type IncidentProperties } from './api';
import type { MapPosition, OpsFilters } from './filters';
import { addImages, clusterSourceData, incidentSourceData, viewBox } from './map-data';
import {
  CLUSTER_LAYER,
  CLUSTER_SOURCE,
  INCIDENT_LAYER,
  INCIDENT_SOURCE,
  incidentLayers,
} from './style';

/** At most this many incidents in view are drawn one by one (one page of the list API). */
const DETAIL_LIMIT = 1000;
/** The pause after the map stops moving before its view is fetched. */
const MOVE_DEBOUNCE_MS = 150;
const PADDING = 40;
const FIT_MAX_ZOOM = 9;

/** Props of OperationsMap. */
export interface OperationsMapProps {
  readonly filters: OpsFilters;
  readonly filterKey: string;
  readonly zones: readonly ZoneFeature[];
  /** Where to look first (from the address); null to fit the incidents. */
  readonly initialPosition: MapPosition | null;
  /** A raster tile URL template replacing the offline basemap; null keeps it offline. */
  readonly tiles: string | null;
  /** Changes when the incidents should be read again (live changes). */
  readonly refreshToken: number;
  readonly onMove: (position: MapPosition) => void;
}

/** What the map last drew, for the container's attributes and the status line. */
interface Drawn {
  readonly key: string;
  readonly rendered: number;
  readonly clustered: boolean;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The map with its status line; an error message instead when it cannot be drawn. */
export function OperationsMap(props: OperationsMapProps) {
  const { filters, filterKey, zones, initialPosition, refreshToken } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef({ filters, filterKey, onMove: props.onMove });
  const refreshRef = useRef<(() => void) | null>(null);
  const [popupNode] = useState(() => document.createElement('div'));
  const [selected, setSelected] = useState<IncidentProperties | null>(null);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [ready, setReady] = useState(false);
  const [zonesDrawn, setZonesDrawn] = useState<number | null>(null);

  useEffect(() => {
    latest.current = { filters, filterKey, onMove: props.onMove };
  });

  // The map itself, made once.
  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const made = mountMap(
      container,
      {
        label: 'ops.mapLabel',
        closePopup: 'ops.closePopup',
        tiles: props.tiles,
        view: {
          center: initialPosition === null ? [20, 30] : [initialPosition.lon, initialPosition.lat],
          zoom: initialPosition?.zoom ?? 1,
        },
        // Markers appear at once: a fade would only delay the map's 'idle' after each view.
        fadeDuration: 0,
      },
      setFailure,
    );
    if (made === null) return;
    const map: MapLibreMap = made;
    mapRef.current = map;
    let removed = false;
    let controller: AbortController | null = null;
    let popup: Popup | null = null;
    let moveTimer: ReturnType<typeof setTimeout> | undefined;

    /** Fetches and draws the incidents of the current view and filters. */
    async function refresh() {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      const { filters: wanted, filterKey: key } = latest.current;
      const zoom = Math.min(22, Math.max(0, Math.round(map.getZoom())));
      const bbox = viewBox(map);
      try {
        const clusters = await getClusters(wanted, zoom, bbox, mine.signal);
        const total = clusters.features.reduce((sum, f) => sum + f.properties.count, 0);
        let clusterData: FeatureCollection = EMPTY;
        let incidentData: FeatureCollection = EMPTY;
        let rendered = total;
        if (total <= DETAIL_LIMIT && total > 0) {
          const incidents = await getIncidentFeatures(wanted, bbox, DETAIL_LIMIT, mine.signal);
          const located = incidents.features.filter(
            (f): f is Feature<Point, IncidentProperties> => f.geometry !== null,
          );
          incidentData = incidentSourceData(located);
          rendered = located.length;
        } else {
          clusterData = clusterSourceData(clusters.features);
        }
        if (removed || controller !== mine) return;
        addImages(map, [
          ...clusterData.features.map((f) => `ops-count-${String(f.properties?.['label'])}`),
          ...incidentData.features.map((f) => String(f.properties?.['icon'])),
        ]);
        (map.getSource(CLUSTER_SOURCE) as GeoJSONSource).setData(clusterData);
        (map.getSource(INCIDENT_SOURCE) as GeoJSONSource).setData(incidentData);
        map.once('idle', () => {
          if (!removed && controller === mine)
            setDrawn({ key, rendered, clustered: clusterData !== EMPTY });
        });
        map.triggerRepaint();
      } catch (error) {
        if (isAbort(error) || removed) return;
        setFailure(error);
      }
    }
    refreshRef.current = () => {
      setFailure(null);
      popup?.remove();
      void refresh();
    };

    map.on('styleimagemissing', (event) => addImages(map, [event.id]));
    map.on('load', () => {
      addZones(map, EMPTY);
      map.addSource(INCIDENT_SOURCE, { type: 'geojson', data: EMPTY });
      map.addSource(CLUSTER_SOURCE, { type: 'geojson', data: EMPTY });
      for (const layer of incidentLayers()) map.addLayer(layer);
      if (props.tiles === null) addOutlines(map, () => removed).catch(() => undefined);
      setReady(true);
      if (initialPosition !== null) void refresh();
      else
        void fitIncidents(map, latest.current.filters).then(() => {
          if (!removed) void refresh();
        });
    });
    map.on('moveend', (event: { originalEvent?: unknown; fitting?: boolean }) => {
      clearTimeout(moveTimer);
      // Removing the map may end a move: that one must not write the address of another page.
      if (removed) return;
      moveTimer = setTimeout(() => {
        if (removed) return;
        const centre = map.getCenter();
        latest.current.onMove({ zoom: map.getZoom(), lat: centre.lat, lon: centre.lng });
        if (event.fitting !== true) void refresh();
      }, MOVE_DEBOUNCE_MS);
    });
    /** Shows `text` of the feature under the pointer beside it, over the layer. */
    function hover(layer: string, text: (properties: Record<string, unknown>) => string) {
      map.on('mousemove', layer, (event) => {
        const properties = firstProperties(event);
        if (properties === null) return;
        map.getCanvas().style.cursor = 'pointer';
        setTooltip({ x: event.point.x, y: event.point.y, text: text(properties) });
      });
    }
    hover(INCIDENT_LAYER, (properties) =>
      t('ops.tooltipIncident', {
        type: incidentTypeLabel(String(properties['type'])),
        status: incidentStatusLabel(String(properties['status'])),
        time: formatDateTime(String(properties['observedFrom'])),
      }),
    );
    hover(CLUSTER_LAYER, (properties) =>
      t('ops.tooltipCluster', { count: Number(properties['count']) }),
    );
    for (const layer of [INCIDENT_LAYER, CLUSTER_LAYER]) {
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
        setTooltip(null);
      });
    }
    map.on('click', CLUSTER_LAYER, (event) => {
      map.easeTo({ center: event.lngLat, zoom: map.getZoom() + 2, ...motion() });
    });
    map.on('click', INCIDENT_LAYER, (event) => {
      const properties = firstProperties(event);
      if (properties === null) return;
      popup?.remove();
      setSelected(properties as unknown as IncidentProperties);
      popup = new Popup({ closeOnClick: true, maxWidth: '20rem' })
        .setLngLat(event.lngLat)
        .setDOMContent(popupNode)
        .addTo(map);
      popup.on('close', () => setSelected(null));
    });
    return () => {
      removed = true;
      clearTimeout(moveTimer);
      controller?.abort();
      refreshRef.current = null;
      mapRef.current = null;
      map.remove();
    };
    // The map is made once; later props reach it through `latest` and the effects below.
  }, []);

  // A filter change fetches at once.
  useEffect(() => {
    if (ready) refreshRef.current?.();
  }, [ready, filterKey, refreshToken]);

  // The zones, when they arrive.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || map === null) return;
    (map.getSource(ZONES_SOURCE) as GeoJSONSource).setData(zoneSourceData(zones));
    let current = true;
    map.once('idle', () => {
      if (current) setZonesDrawn(renderedZoneCount(map));
    });
    map.triggerRepaint();
    return () => {
      current = false;
    };
  }, [ready, zones]);

  const shown = drawn !== null && drawn.key === filterKey ? drawn : null;
  return (
    <div className="ops-map-frame">
      {failure !== null && (
        <ErrorMessage
          error={new DisplayError(t('ops.mapFailed', { message: errorMessage(failure) }))}
        />
      )}
      <div
        ref={containerRef}
        className="ops-map"
        data-testid="ops-map"
        data-rendered={shown?.rendered}
        data-view={shown?.key}
        data-zones={zonesDrawn ?? undefined}
      />
      {tooltip !== null && (
        <div
          className="ops-tooltip"
          style={{ left: tooltip.x + 12, top: tooltip.y + 12 }}
          aria-hidden="true"
        >
          {tooltip.text}
        </div>
      )}
      <p className="muted ops-map-status" role="status">
        {shown === null
          ? t('ops.mapStatusLoading')
          : shown.clustered
            ? t('ops.mapStatusClusters', { count: shown.rendered })
            : t('ops.mapStatusIncidents', { count: shown.rendered })}
      </p>
      {selected !== null && createPortal(<IncidentDetails incident={selected} />, popupNode)}
    </div>
  );
}

/** An incident's popup: type, status, time, reports, and the way to its workbench. */
function IncidentDetails({ incident }: { readonly incident: IncidentProperties }) {
  return (
    <div className="ops-popup">
      <p className="ops-popup-title">
        {t('ops.popupType', { type: incidentTypeLabel(incident.type) })}
      </p>
      <p>{t('ops.popupStatus', { status: incidentStatusLabel(incident.status) })}</p>
      <p>
        <ObservedWindow from={incident.observedFrom} to={incident.observedTo} />
      </p>
      <p>{t('ops.popupReports', { count: incident.reports })}</p>
      <p>
        <Link to={incidentPath(incident.id)}>{t('ops.popupOpen')}</Link>
      </p>
    </div>
  );
}

/**
 * Moves the map to the incidents matching the filters (their clusters at zoom 3, which are
 * cheap), or to the zones when there are none. The move is marked so it does not fetch twice.
 */
async function fitIncidents(map: MapLibreMap, filters: OpsFilters): Promise<void> {
  const controller = new AbortController();
  let bounds: LngLatBounds | null = null;
  try {
    // Cells of 0.7 degrees: a cell's centre is within 0.7 degrees of each of its incidents.
    const clusters = await getClusters(filters, 7, [-180, -85, 180, 85], controller.signal);
    const margin = 0.7;
    for (const feature of clusters.features) {
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      const cell = new LngLatBounds(
        [Math.max(-180, lon - margin), Math.max(-85, lat - margin)],
        [Math.min(180, lon + margin), Math.min(85, lat + margin)],
      );
      bounds = bounds === null ? cell : bounds.extend(cell);
    }
  } catch {
    // The refresh that follows shows the failure.
  }
  if (bounds === null) {
    const source = map.getSource(ZONES_SOURCE) as GeoJSONSource | undefined;
    const data = (await source?.getData()) as FeatureCollection | undefined;
    const zoneBounds =
      data === undefined ? null : collectionBounds(data.features as unknown as ZoneFeature[]);
    if (zoneBounds !== null) bounds = new LngLatBounds(zoneBounds);
  }
  if (bounds !== null) {
    map.fitBounds(
      bounds,
      { padding: PADDING, maxZoom: FIT_MAX_ZOOM, duration: 0 },
      { fitting: true },
    );
  }
}

function firstProperties(event: MapLayerMouseEvent): Record<string, unknown> | null {
  return (event.features?.[0]?.properties as Record<string, unknown> | undefined) ?? null;
}
