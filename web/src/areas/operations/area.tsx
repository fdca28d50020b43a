/**
 * The operations screen: filters, the timeline, the map and the list of incidents, all reading
 * the same filters from the address (so a view can be shared and reloaded) and writing changes
 * back in place. Its own chunk with MapLibre, loaded when first opened.
 *
 * The root carries `data-filters`, the canonical key of the applied filters; the map, the list
 * and the timeline each carry `data-view` with the key they last drew.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { getZones, listDocuments } from '../../endpoints';
import { LiveNotice, useLiveChanges, type LiveChange } from '../../live';
import { navigate, useSearch } from '../../router';
import { t } from '../../strings';
import type { DocumentSummary, ZoneFeature } from '../agreements/types';
import { OperationsFilterBar } from './filter-bar';
import {
  filtersKey,
  OPERATIONS_PATH,
  operationsPath,
  parseMapPosition,
  parseOpsFilters,
  type MapPosition,
  type OpsFilters,
} from './filters';
import { OperationsLegend } from './legend';
import { OperationsList } from './list';
import { OperationsMap } from './map';
import { OperationsTimeline } from './timeline';
import { loadMarkers, type TimelineMarker } from './timeline-markers';

const NO_ZONES: readonly ZoneFeature[] = [];
const NO_DOCUMENTS: readonly DocumentSummary[] = [];

/** How long live changes gather before the map and the timeline are drawn again. */
const LIVE_REDRAW_MS = 2000;

/** The kinds of live change that can alter the incidents this screen shows. */
const RELEVANT: readonly LiveChange['kind'][] = ['report', 'incident', 'missed'];
/** Changed documents are loaded again this long after the last change of a burst. */
const DOCUMENTS_RELOAD_MS = 2000;

/** Props of OperationsArea. */
export interface OperationsAreaProps {
  /** The path on screen, without query string. */
  readonly path: string;
  /** The online basemap's tile URL template (`truce serve --map-tiles`); null: offline. */
  readonly mapTiles: string | null;
}

/** The operations screen at `/operations`; any path below it is not found. */
export function OperationsArea({ path, mapTiles }: OperationsAreaProps) {
  return path.replace(/\/+$/, '') === OPERATIONS_PATH ? (
    <OperationsScreen mapTiles={mapTiles} />
  ) : (
    <NotFoundPage path={path} />
  );
}

function OperationsScreen({ mapTiles }: { readonly mapTiles: string | null }) {
  const search = useSearch();
  const filters = useMemo(() => parseOpsFilters(search), [search]);
  const key = filtersKey(filters);
  const untimedKey = filtersKey({ ...filters, from: '', to: '' });
  const [initialPosition] = useState(() => parseMapPosition(search));
  const position = useRef<MapPosition | null>(initialPosition);
  const [zones, setZones] = useState<readonly ZoneFeature[]>(NO_ZONES);
  const [documents, setDocuments] = useState<readonly DocumentSummary[]>(NO_DOCUMENTS);
  const [markers, setMarkers] = useState<readonly TimelineMarker[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState<readonly LiveChange[]>([]);
  const [refreshToken, setRefreshToken] = useState(0);
  const [documentsToken, setDocumentsToken] = useState(0);

  // The zones, the documents and their dates; again when a document changes.
  useEffect(() => {
    let current = true;
    Promise.all([getZones(null), listDocuments()]).then(
      ([collection, list]) => {
        if (!current) return;
        setError(null);
        setZones(collection.features);
        setDocuments(list);
        loadMarkers(list).then(
          (found) => current && setMarkers(found),
          () => undefined,
        );
      },
      (reason: unknown) => current && setError(reason),
    );
    return () => {
      current = false;
    };
  }, [documentsToken]);

  // New and changed incidents redraw the map and the timeline by themselves, at most every
  // LIVE_REDRAW_MS; the list waits for the person (the notice's Refresh), so rows do not move
  // under the reader.
  const [liveToken, setLiveToken] = useState(0);
  const redraw = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (redraw.current !== null) clearTimeout(redraw.current);
    },
    [],
  );
  const documentsReload = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(documentsReload.current), []);
  useLiveChanges((change) => {
    if (change.kind === 'document' || change.kind === 'missed') {
      // Zones and document dates redraw by themselves.
      clearTimeout(documentsReload.current);
      documentsReload.current = setTimeout(
        () => setDocumentsToken((n) => n + 1),
        DOCUMENTS_RELOAD_MS,
      );
    }
    if (change.kind === 'document') {
      // The incidents shown change only when the filter's zone belongs to a changed document.
      const zoneDocument = filters.zone.split('/')[0] ?? '';
      if (zoneDocument === '' || !change.ids.includes(zoneDocument)) return;
    } else if (!RELEVANT.includes(change.kind)) return;
    setChanges((before) => [...before, change]);
    redraw.current ??= setTimeout(() => {
      redraw.current = null;
      setLiveToken((n) => n + 1);
    }, LIVE_REDRAW_MS);
  });

  const apply = (next: OpsFilters) =>
    navigate(operationsPath(next, position.current), { replace: true });
  const handleMove = (moved: MapPosition) => {
    position.current = moved;
    if (window.location.pathname !== OPERATIONS_PATH) return;
    navigate(operationsPath(parseOpsFilters(window.location.search), moved), { replace: true });
  };

  return (
    <div className="ops" data-testid="operations" data-filters={key}>
      <PageTitle>{t('ops.title')}</PageTitle>
      <p className="muted ops-intro">{t('ops.intro')}</p>
      <LiveNotice
        changes={changes}
        onRefresh={() => {
          setChanges([]);
          setRefreshToken((n) => n + 1);
        }}
        onDismiss={() => setChanges([])}
      />
      <ErrorMessage error={error} />
      <OperationsFilterBar filters={filters} zones={zones} documents={documents} onChange={apply} />
      <div className="ops-layout">
        <div className="ops-map-column">
          <OperationsMap
            filters={filters}
            filterKey={key}
            zones={zones}
            initialPosition={initialPosition}
            tiles={mapTiles}
            refreshToken={refreshToken + liveToken}
            onMove={handleMove}
          />
          <OperationsLegend />
        </div>
        {/* Beside the map, so that map and timeline share the first screen at 1280x800. */}
        <div className="ops-side-column">
          <OperationsTimeline
            filters={filters}
            filterKey={key}
            untimedKey={untimedKey}
            markers={markers}
            refreshToken={refreshToken + liveToken}
            onRange={(from, to) => apply({ ...filters, from: from ?? '', to: to ?? '' })}
          />
          <OperationsList filters={filters} filterKey={key} refreshToken={refreshToken} />
        </div>
      </div>
    </div>
  );
}
