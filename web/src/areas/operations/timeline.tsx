/**
 * The timeline of the operations screen: a histogram of the incidents matching the filters
 * (all but the time range) over their whole period, with the dates of the documents marked, and
 * a brush that sets the `from` and `to` filters.
 *
 * The brush is written here rather than taken from d3-brush: d3-brush cannot be used from the
 * keyboard, and this one can (its two handles are sliders that move by one bar per arrow key,
 * ten per Page key), as well as by dragging a pointer across the chart.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Timeline } from '../../../../src/http/schemas/incidents.js';
import { ErrorMessage } from '../../components/error-message';
import { formatDate, formatDateTime } from '../../format';
import { t } from '../../strings';
import { getTimeline, isAbort } from './api';
import type { OpsFilters } from './filters';
import type { TimelineMarker } from './timeline-markers';
import {
  barHeight,
  keyStep,
  moveHandle,
  rangeOfDrag,
  scaleOf,
  xOf,
  type Handle,
  type Range,
  type TimeScale,
} from './timeline-scale';

/** Bars asked of the server. */
const BINS = 120;
const HEIGHT = 96;
const AXIS = 18;

/** Props of OperationsTimeline. */
export interface OperationsTimelineProps {
  readonly filters: OpsFilters;
  /** The canonical key of all the filters (the brush's range included). */
  readonly filterKey: string;
  /** The key of the filters without the time range: the histogram changes only with it. */
  readonly untimedKey: string;
  readonly markers: readonly TimelineMarker[];
  /** Changes when the counts should be read again (live changes). */
  readonly refreshToken: number;
  /** Sets the time range; null ends clear it. */
  readonly onRange: (from: string | null, to: string | null) => void;
}

/** The timeline panel (`data-testid="ops-timeline"`). */
export function OperationsTimeline(props: OperationsTimelineProps) {
  const { filters, filterKey, untimedKey, markers, refreshToken, onRange } = props;
  const [data, setData] = useState<{ key: string; timeline: Timeline } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useWidth(frameRef);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    const controller = new AbortController();
    getTimeline(filtersRef.current, BINS, controller.signal).then(
      (timeline) => {
        setData({ key: untimedKey, timeline });
        setError(null);
      },
      (reason: unknown) => {
        if (!isAbort(reason)) setError(reason);
      },
    );
    return () => controller.abort();
  }, [untimedKey, refreshToken]);

  const current = data !== null && data.key === untimedKey ? data.timeline : null;
  const scale = current === null || width === 0 ? null : scaleOf(current, width);
  const drawn = current !== null && (scale !== null || current.bins.length === 0);
  return (
    <section
      className="panel ops-timeline"
      aria-labelledby="ops-timeline-title"
      data-testid="ops-timeline"
      data-view={drawn ? filterKey : undefined}
    >
      <h2 id="ops-timeline-title">{t('ops.timelineTitle')}</h2>
      <p className="muted" id="ops-timeline-hint">
        {t('ops.timelineHint')}
      </p>
      <ErrorMessage error={error} />
      <div ref={frameRef} className="ops-timeline-frame">
        {current !== null && current.bins.length === 0 && <p>{t('ops.timelineEmpty')}</p>}
        {current !== null && scale !== null && (
          <Histogram
            timeline={current}
            scale={scale}
            filters={filters}
            markers={markers}
            onRange={onRange}
          />
        )}
      </div>
      {current !== null && current.unlocated > 0 && (
        <p className="muted ops-unlocated">
          {current.unlocated === 1
            ? t('ops.unlocatedOne')
            : t('ops.unlocated', { count: current.unlocated })}
        </p>
      )}
      {markers.length > 0 && (
        <details className="ops-markers">
          <summary>{t('ops.markersTitle')}</summary>
          <ul>
            {markers.map((marker) => (
              <li key={marker.id}>{marker.label}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

interface HistogramProps {
  readonly timeline: Timeline;
  readonly scale: TimeScale;
  readonly filters: OpsFilters;
  readonly markers: readonly TimelineMarker[];
  readonly onRange: (from: string | null, to: string | null) => void;
}

/** The bars, the markers and the brush. */
function Histogram({ timeline, scale, filters, markers, onRange }: HistogramProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ origin: number; x: number; handle: Handle | null } | null>(
    null,
  );
  const [draft, setDraft] = useState<Range | null>(null);
  const maxCount = timeline.bins.reduce((max, bin) => Math.max(max, bin.count), 0);
  const barWidth = scale.width / Math.max(1, timeline.bins.length);
  const applied: Range = {
    start: filters.from === '' ? scale.start : Math.max(scale.start, Date.parse(filters.from)),
    end: filters.to === '' ? scale.end : Math.min(scale.end, Date.parse(filters.to)),
  };
  const range = draft ?? applied;
  const whole = filters.from === '' && filters.to === '' && draft === null;

  function commit(next: Range) {
    setDraft(null);
    const full = next.start <= scale.start && next.end >= scale.end;
    if (full) onRange(null, null);
    else onRange(new Date(next.start).toISOString(), new Date(next.end).toISOString());
  }
  const xAt = (event: PointerEvent) =>
    event.clientX - (svgRef.current?.getBoundingClientRect().left ?? 0);

  function handlePointerDown(event: PointerEvent<SVGSVGElement>, handle: Handle | null) {
    if (event.button !== 0) return;
    event.preventDefault();
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    const x = xAt(event);
    setDrag({ origin: handle === null ? x : xOf(scale, range[handle]), x, handle });
  }
  function draggedRange(x: number, current: NonNullable<typeof drag>): Range {
    if (current.handle === null) return rangeOfDrag(scale, timeline.binMs, current.origin, x);
    const other = current.handle === 'start' ? xOf(scale, range.end) : xOf(scale, range.start);
    return rangeOfDrag(scale, timeline.binMs, other, x);
  }
  function handlePointerMove(event: PointerEvent<SVGSVGElement>) {
    if (drag === null) return;
    const x = xAt(event);
    setDrag({ ...drag, x });
    setDraft(draggedRange(x, drag));
  }
  function handlePointerUp(event: PointerEvent<SVGSVGElement>) {
    if (drag === null) return;
    const next = draggedRange(xAt(event), drag);
    setDrag(null);
    commit(next);
  }
  function handleKey(event: KeyboardEvent, handle: Handle) {
    let next: Range | null = null;
    const step = keyStep(event.key);
    if (step !== null) next = moveHandle(scale, timeline.binMs, range, handle, step);
    else if (event.key === 'Home')
      next = handle === 'start' ? { ...range, start: scale.start } : range;
    else if (event.key === 'End') next = handle === 'end' ? { ...range, end: scale.end } : range;
    if (next === null) return;
    event.preventDefault();
    commit(next);
  }

  const x0 = xOf(scale, range.start);
  const x1 = xOf(scale, range.end);
  const ticks = [scale.start, (scale.start + scale.end) / 2, scale.end];
  return (
    <>
      <svg
        ref={svgRef}
        className="ops-histogram"
        width={scale.width}
        height={HEIGHT + AXIS}
        role="group"
        aria-label={t('ops.timelineLabel')}
        onPointerDown={(event) => handlePointerDown(event, null)}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
        onPointerCancel={() => {
          setDrag(null);
          setDraft(null);
        }}
      >
        <rect className="ops-plot" x={0} y={0} width={scale.width} height={HEIGHT} />
        {timeline.bins.map((bin, index) => {
          const h = barHeight(bin.count, maxCount, HEIGHT - 8);
          const start = Date.parse(bin.start);
          const inside = start >= range.start && start < range.end;
          return (
            <rect
              key={bin.start}
              className={inside ? 'ops-bar' : 'ops-bar ops-bar-out'}
              x={index * barWidth + 0.5}
              y={HEIGHT - h}
              width={Math.max(1, barWidth - 1)}
              height={h}
            >
              <title>
                {t('ops.binTitle', { time: formatDateTime(bin.start), count: bin.count })}
              </title>
            </rect>
          );
        })}
        {markers.map((marker) => {
          const time = Date.parse(marker.time);
          if (!(time >= scale.start && time <= scale.end)) return null;
          const x = xOf(scale, time);
          return (
            <g key={marker.id} className={`ops-marker ops-marker-${marker.kind}`}>
              <line x1={x} x2={x} y1={0} y2={HEIGHT} />
              <path d={`M${x - 5} 0H${x + 5}L${x} 7Z`} />
              <title>{marker.label}</title>
            </g>
          );
        })}
        {!whole && (
          <rect
            className="ops-selection"
            x={x0}
            y={0}
            width={Math.max(0, x1 - x0)}
            height={HEIGHT}
          />
        )}
        {(['start', 'end'] as const).map((handle) => {
          const x = handle === 'start' ? x0 : x1;
          const value = range[handle];
          return (
            <g
              key={handle}
              className="ops-handle"
              role="slider"
              tabIndex={0}
              aria-label={t(handle === 'start' ? 'ops.brushStart' : 'ops.brushEnd')}
              aria-describedby="ops-timeline-hint"
              aria-valuemin={scale.start}
              aria-valuemax={scale.end}
              aria-valuenow={value}
              aria-valuetext={formatDateTime(new Date(value).toISOString())}
              data-handle={handle}
              onKeyDown={(event) => handleKey(event, handle)}
              onPointerDown={(event) => {
                event.stopPropagation();
                handlePointerDown(event as unknown as PointerEvent<SVGSVGElement>, handle);
              }}
            >
              <rect x={x - 6} y={0} width={12} height={HEIGHT} className="ops-handle-hit" />
              <rect x={x - 2} y={HEIGHT / 2 - 14} width={4} height={28} rx={2} />
            </g>
          );
        })}
        {ticks.map((tick, index) => (
          <text
            key={index}
            x={xOf(scale, tick)}
            y={HEIGHT + AXIS - 4}
            textAnchor={index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle'}
          >
            {formatDate(new Date(tick).toISOString())}
          </text>
        ))}
      </svg>
      <p className="ops-range" role="status">
        {whole
          ? t('ops.brushWhole')
          : t('ops.brushRange', {
              from: formatDateTime(new Date(range.start).toISOString()),
              to: formatDateTime(new Date(range.end).toISOString()),
            })}{' '}
        {!whole && (
          <button type="button" className="button-secondary" onClick={() => onRange(null, null)}>
            {t('ops.brushClear')}
          </button>
        )}
      </p>
    </>
  );
}

/** The width of an element in CSS pixels, kept up to date as it resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    setWidth(Math.floor(element.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
