import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PATTERN_IDS } from '../../map/patterns.js';
import type { MapGeometry } from '../../map/geometry.js';
import { IDENTITY, panBy, pinchZoom, project, zoomAround, type Point, type ZoomState } from '../../map/zoom.js';
import { NO_DATA_COLOUR } from '../../components/StatusBadge/status-style.js';
import { placeOf, type MapEntry, type MapLayout } from './map-model.js';

export interface WorldMapProps {
  geometry: MapGeometry;
  layout: MapLayout;
  /** Accessible name of the whole map. */
  label: string;
  /** Words for one entity: its name and value, read by screen readers and shown in the tooltip. */
  describe: (entry: MapEntry) => string;
  /** Where a click on an entity leads (its country page). */
  linkOf: (entry: MapEntry) => string;
  /** What a shape without a rating in this edition says when hovered. */
  unratedNote: (name: string) => string;
}

interface Tip {
  text: string;
  x: number;
  y: number;
}

const fillOf = (entry: MapEntry | null) => entry?.class?.colour ?? NO_DATA_COLOUR;

/**
 * The choropleth: a shape per country, a marked point per territory or small
 * state the base map has no shape for, each a link to its country page with
 * its value in its accessible name. Hover or keyboard focus shows a tooltip;
 * the wheel, drag, a two-finger pinch, the +/− buttons and the + / − / 0 keys
 * zoom and pan.
 */
export function WorldMap({ geometry, layout, label, describe, linkOf, unratedNote }: WorldMapProps) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [zoom, setZoom] = useState<ZoomState>(IDENTITY);
  const [tip, setTip] = useState<Tip | null>(null);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  /** Fingers on the map (map coordinates), for a two-finger pinch; and whether this touch has pinched. */
  const touches = useRef(new Map<number, Point>());
  const pinched = useRef(false);
  const { width, height } = geometry;

  /** Frame pixels → map coordinates (the SVG keeps the map's aspect ratio). */
  const toMap = (clientX: number, clientY: number): [number, number] => {
    const r = svg.current!.getBoundingClientRect();
    return [((clientX - r.left) * width) / r.width, ((clientY - r.top) * height) / r.height];
  };
  const toFrame = (mx: number, my: number): [number, number] => {
    const r = svg.current!.getBoundingClientRect();
    return [(mx * r.width) / width, (my * r.height) / height];
  };

  const byId = useMemo(() => {
    const m = new Map<string, { text: string; x: number; y: number }>();
    for (const { entry } of layout.shapes) {
      if (entry) {
        const [x, y] = placeOf(geometry, entry.row.entity) ?? [width / 2, height / 2];
        m.set(entry.row.entity.id, { text: describe(entry), x, y });
      }
    }
    for (const { entry, x, y } of layout.points) m.set(entry.row.entity.id, { text: describe(entry), x, y });
    return m;
  }, [layout, geometry, describe, width, height]);

  // The moment the map can be hovered, focused and clicked: the benchmark's “map interactive”.
  useEffect(() => {
    performance.mark('fiw:map-interactive');
  }, []);

  useEffect(() => {
    const el = svg.current!;
    const onFocus = (e: FocusEvent) => {
      const id = (e.target as Element).getAttribute?.('data-id');
      const place = id ? byId.get(id) : undefined;
      if (!place) return;
      const [x, y] = toFrame(...project(zoom, place.x, place.y));
      setTip({ text: place.text, x, y });
    };
    const onBlur = () => setTip(null);
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const [mx, my] = toMap(e.clientX, e.clientY);
      setZoom((z) => zoomAround(z, e.deltaY < 0 ? 1.25 : 0.8, mx, my, width, height));
    };
    el.addEventListener('focusin', onFocus);
    el.addEventListener('focusout', onBlur);
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('focusin', onFocus);
      el.removeEventListener('focusout', onBlur);
      el.removeEventListener('wheel', onWheel);
    };
  }, [byId, zoom, width, height]);

  const onPointerMove = (e: PointerEvent) => {
    const fingers = touches.current;
    if (fingers.has(e.pointerId)) {
      const moved = toMap(e.clientX, e.clientY);
      if (fingers.size === 2) {
        const [a, b] = [...fingers.entries()];
        const from: [Point, Point] = [a![1], b![1]];
        const to: [Point, Point] = a![0] === e.pointerId ? [moved, b![1]] : [a![1], moved];
        fingers.set(e.pointerId, moved);
        pinched.current = true;
        setZoom((z) => pinchZoom(z, from, to, width, height));
        setTip(null);
        return;
      }
      fingers.set(e.pointerId, moved);
    }
    const d = drag.current;
    if (d && d.id === e.pointerId) {
      const [mx, my] = toMap(e.clientX, e.clientY);
      const dx = mx - d.x;
      const dy = my - d.y;
      if (d.moved || Math.hypot(dx, dy) > 3) {
        d.moved = true;
        d.x = mx;
        d.y = my;
        setZoom((z) => panBy(z, dx, dy, width, height));
        setTip(null);
      }
      return;
    }
    const target = (e.target as Element).closest?.('[data-id],[data-unrated]');
    if (!target) return setTip(null);
    const r = frame.current!.getBoundingClientRect();
    const id = target.getAttribute('data-id');
    const text = id ? byId.get(id)?.text : unratedNote(target.getAttribute('data-unrated') ?? '');
    setTip(text ? { text, x: e.clientX - r.left, y: e.clientY - r.top } : null);
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const [x, y] = toMap(e.clientX, e.clientY);
    if (e.pointerType === 'touch') {
      touches.current.set(e.pointerId, [x, y]);
      svg.current!.setPointerCapture?.(e.pointerId);
      // A second finger starts a pinch: whatever the first was dragging stops.
      if (touches.current.size >= 2) {
        drag.current = null;
        return;
      }
      // One finger scrolls the page until the map is zoomed in; then it pans the map.
      if (zoom.k === 1) return;
    }
    drag.current = { id: e.pointerId, x, y, moved: false };
  };
  /** A drag or pinch that moved is not a click on the shape it ended on. */
  const swallowNextClick = () => {
    const swallow = (c: Event) => {
      c.preventDefault();
      c.stopPropagation();
    };
    window.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
  };
  const endDrag = (e: PointerEvent) => {
    if (touches.current.delete(e.pointerId) && touches.current.size === 0 && pinched.current) {
      pinched.current = false;
      swallowNextClick();
    }
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    if (d.moved) swallowNextClick();
    drag.current = null;
  };

  const zoomBy = (factor: number) => setZoom((z) => zoomAround(z, factor, width / 2, height / 2, width, height));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / 1.5);
    else if (e.key === '0') setZoom(IDENTITY);
    else return;
    e.preventDefault();
  };

  const shapes = useMemo(
    () =>
      layout.shapes.map(({ shape, entry, first }) => {
        // Keyed by the base map's name, so a new edition repaints the same elements.
        if (!entry) {
          return (
            <path key={shape.name} d={shape.d} fill={NO_DATA_COLOUR} class="shape unrated" data-unrated={shape.name} />
          );
        }
        return (
          <a
            key={shape.name}
            href={linkOf(entry)}
            data-id={entry.row.entity.id}
            aria-label={describe(entry)}
            // A former state's further shapes (the USSR has fifteen) stay clickable but out of the Tab order.
            tabIndex={first ? undefined : -1}
            class="map-link"
          >
            <path d={shape.d} fill={fillOf(entry)} class="shape" />
          </a>
        );
      }),
    [layout, linkOf, describe],
  );

  // Each pattern is laid over all its shapes as one path: two pattern fills to paint instead of one per shape,
  // which is most of the cost of repainting the map for another edition.
  const overlays = useMemo(() => {
    const d = { hatch: [] as string[], dots: [] as string[] };
    for (const { shape, entry } of layout.shapes) {
      const pattern = entry?.class?.pattern;
      if (pattern === 'hatch' || pattern === 'dots') d[pattern].push(shape.d);
    }
    return (['hatch', 'dots'] as const).map((pattern) => ({ pattern, d: d[pattern].join('') }));
  }, [layout]);

  const r = 3.2 / Math.sqrt(zoom.k);
  return (
    <div class="world-map" ref={frame} onKeyDown={onKeyDown}>
      <div class="map-zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          class="icon-button"
          aria-label="Zoom in"
          onClick={() => zoomBy(1.5)}
          disabled={zoom.k >= 12}
        >
          +
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label="Zoom out"
          onClick={() => zoomBy(1 / 1.5)}
          disabled={zoom.k <= 1}
        >
          −
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label="Show the whole world"
          onClick={() => setZoom(IDENTITY)}
          disabled={zoom.k === 1}
        >
          ⟲
        </button>
      </div>
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={label}
        class={zoom.k > 1 ? 'zoomed' : undefined}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setTip(null)}
        onPointerDown={onPointerDown}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <g transform={`translate(${zoom.x} ${zoom.y}) scale(${zoom.k})`}>
          {shapes}
          {overlays.map(
            ({ pattern, d }) =>
              d && <path key={pattern} d={d} fill={`url(#${PATTERN_IDS[pattern]})`} class="shape-pattern" />,
          )}
          {layout.points.map(({ entry, x, y }) => (
            <a
              key={entry.row.entity.id}
              href={linkOf(entry)}
              data-id={entry.row.entity.id}
              aria-label={describe(entry)}
              class="map-link"
            >
              <circle cx={x} cy={y} r={r} fill={fillOf(entry)} class="point" />
            </a>
          ))}
        </g>
      </svg>
      {tip && (
        <div class="map-tooltip" aria-hidden="true" style={{ left: `${tip.x}px`, top: `${tip.y}px` }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}
