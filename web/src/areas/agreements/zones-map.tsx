/**
 * The MapLibre map of the zones map page. No tile server: a plain background, Natural Earth
 * country outlines bundled from world-atlas, and the zones as GeoJSON layers (the shared set-up
 * of map/setup.ts and map/zone-style.ts).
 * It fits the zones' bounds, opens a popup with a zone's details when the zone is clicked or
 * chosen in the legend, and records on its container how many zones it actually rendered
 * (`data-rendered-zones`), which the browser test reads.
 */
import { Popup, type Map as MapLibreMap, type MapGeoJSONFeature } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ErrorMessage } from '../../components/error-message';
import { Link } from '../../components/link';
import { Message } from '../../components/message';
import { SourceText } from '../../components/source-text';
import { DisplayError, errorMessage } from '../../error-details';
import { addOutlines, addZones, motion, mountMap, renderedZoneCount } from '../../map/setup';
import {
  collectionBounds,
  geometryBounds,
  zoneAnchor,
  zoneKey,
  ZONE_LAYERS,
  zoneSourceData,
} from '../../map/zone-style';
import { t } from '../../strings';
import { documentPath } from './paths';
import type { DocumentSummary, ZoneFeature } from './types';
import { ZoneValidity } from './zone-facts';
import { zoneKindText } from './zones-legend';

/** The zone whose details are open, and whether it was chosen on the map or in the legend. */
export interface ZoneSelection {
  readonly key: string;
  readonly via: 'map' | 'legend';
  /** Where the popup points (the clicked spot); the zone's anchor when absent. */
  readonly lngLat?: [number, number];
}

/** Props of ZonesMap. */
export interface ZonesMapProps {
  readonly features: readonly ZoneFeature[];
  readonly documents: readonly DocumentSummary[];
  readonly selection: ZoneSelection | null;
  readonly onSelect: (selection: ZoneSelection | null) => void;
}

/** How the map fits the zones, and a zone chosen in the legend. */
const FIT = { padding: 32, maxZoom: 9 };

/** The map, with an error message instead when it cannot be drawn (no WebGL, for example). */
export function ZonesMap({ features, documents, selection, onSelect }: ZonesMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const onSelectRef = useRef(onSelect);
  const [popupNode] = useState(() => document.createElement('div'));
  const [failure, setFailure] = useState<unknown>(null);
  const [ready, setReady] = useState(false);
  const [rendered, setRendered] = useState<number | null>(null);

  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const bounds = collectionBounds(features);
    const map = mountMap(
      container,
      {
        label: 'map.label',
        closePopup: 'map.closePopup',
        tiles: null,
        view: { ...(bounds === null ? {} : { bounds }), fitBoundsOptions: FIT },
      },
      setFailure,
    );
    if (map === null) return;
    mapRef.current = map;
    let removed = false;
    map.on('load', () => {
      addZones(map, zoneSourceData(features));
      map.once('idle', () => {
        if (!removed) setRendered(renderedZoneCount(map));
      });
      setReady(true);
      // Without outlines (their chunk failed to load) the zones are still drawn and listed.
      addOutlines(map, () => removed).catch(() => undefined);
    });
    map.on('click', (event) => {
      const key = topmostZone(map.queryRenderedFeatures(event.point, { layers: [...ZONE_LAYERS] }));
      onSelectRef.current(
        key === null ? null : { key, via: 'map', lngLat: [event.lngLat.lng, event.lngLat.lat] },
      );
    });
    map.on('mousemove', (event) => {
      const hit = map.queryRenderedFeatures(event.point, { layers: [...ZONE_LAYERS] }).length > 0;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    });
    return () => {
      removed = true;
      mapRef.current = null;
      map.remove();
    };
  }, [features]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || map === null || selection === null) return;
    const feature = features.find(
      (f) => zoneKey(f.properties.documentId, f.properties.id) === selection.key,
    );
    if (feature === undefined) return;
    const lngLat = selection.lngLat ?? zoneAnchor(feature.geometry);
    if (lngLat === null) return;
    if (selection.via === 'legend') {
      const bounds = geometryBounds(feature.geometry);
      if (bounds !== null) map.fitBounds(bounds, { ...FIT, ...motion() });
    }
    let closedByUs = false;
    const popup = new Popup({
      closeOnClick: false,
      focusAfterOpen: selection.via === 'legend',
      maxWidth: '20rem',
    })
      .setLngLat(lngLat)
      .setDOMContent(popupNode)
      .addTo(map);
    popup.on('close', () => {
      if (closedByUs) return;
      onSelectRef.current(null);
      if (selection.via === 'legend') {
        document
          .querySelector<HTMLElement>(`[data-zone-key="${CSS.escape(selection.key)}"]`)
          ?.focus();
      }
    });
    return () => {
      closedByUs = true;
      popup.remove();
    };
  }, [ready, selection, features, popupNode]);

  const selected =
    selection === null
      ? undefined
      : features.find((f) => zoneKey(f.properties.documentId, f.properties.id) === selection.key);
  return (
    <div className="zones-map-frame">
      {failure !== null && (
        <ErrorMessage
          error={new DisplayError(t('map.failed', { message: errorMessage(failure) }))}
        />
      )}
      <div ref={containerRef} className="zones-map" data-rendered-zones={rendered ?? undefined} />
      {selected !== undefined &&
        createPortal(<ZoneDetails feature={selected} documents={documents} />, popupNode)}
    </div>
  );
}

/** The zone's details in its popup: name, kind, validity, source and its document. */
function ZoneDetails({
  feature,
  documents,
}: {
  readonly feature: ZoneFeature;
  readonly documents: readonly DocumentSummary[];
}) {
  const { properties } = feature;
  const document = documents.find((d) => d.id === properties.documentId);
  return (
    <div className="zone-popup">
      <p className="zone-popup-title">{properties.name}</p>
      <p>{t('map.kind', { kind: zoneKindText(feature) })}</p>
      <p>
        <Message id="map.valid" values={{ valid: <ZoneValidity zone={properties} /> }} />
      </p>
      {properties.source !== undefined && (
        <p>
          <SourceText source={properties.source} />
        </p>
      )}
      <p>
        <Message
          id="map.document"
          values={{
            document: (
              <Link to={documentPath(properties.documentId)}>
                {document?.title ?? properties.documentId}
              </Link>
            ),
          }}
        />
      </p>
    </div>
  );
}

/**
 * The zone a click means among those under the pointer: a point before a line before an area,
 * and of areas the one listed last (the smallest: larger areas are drawn first).
 */
function topmostZone(hits: readonly MapGeoJSONFeature[]): string | null {
  const rank = (f: MapGeoJSONFeature) =>
    f.layer.type === 'circle' ? 0 : f.layer.id.startsWith('zones-line') ? 1 : 2;
  const sorted = [...hits].sort((a, b) => rank(a) - rank(b));
  const first = sorted[0];
  return first === undefined ? null : String(first.properties['key']);
}
