import { STATUS_NAMES, STATUSES, type MethodologyBreak, type Status } from '@freedom-ratings/core';
import { useState } from 'preact/hooks';
import { editionTicks, linePath, xScale, yScale, type Axis, type Frame, type Point } from './chart-geometry.js';
import { STATUS_STYLE } from '../StatusBadge/status-style.js';
import { useWidth } from './use-width.js';
import { PatternShapes } from '../../map/patterns.js';

export interface ChartSeries {
  id: string;
  label: string;
  points: readonly Point[];
}

export interface ChartAxis extends Axis {
  label: string;
  format?: (value: number) => string;
}

export interface HistoryChartProps {
  /** Unique on the page: prefixes the ids the chart's parts refer to each other by. */
  id: string;
  title: string;
  series: readonly ChartSeries[];
  axis: ChartAxis;
  from: number;
  to: number;
  breaks: readonly MethodologyBreak[];
  /** Status per edition, drawn as a strip under the plot (colour and pattern, named in the legend). */
  statuses?: readonly { edition: number; status: Status | null }[];
  /** How to name an edition ("1983-84"); the key by default. */
  editionLabel?: (edition: number) => string;
}

/**
 * Breaks of one edition share a marker. Markers are numbered over all the
 * breaks given, not only those in range, so two charts of a page number the
 * same break alike.
 */
function breakGroups(breaks: readonly MethodologyBreak[], from: number, to: number) {
  const groups = new Map<number, MethodologyBreak[]>();
  for (const b of breaks) groups.set(b.edition, [...(groups.get(b.edition) ?? []), b]);
  return [...groups]
    .map(([edition, items], i) => ({ n: i + 1, edition, items }))
    .filter((g) => g.edition > from && g.edition <= to);
}

const MARKER_R = 8;

/** Marker rows: a marker too close to the one before it moves to the other row, so numbers never overlap. */
function markerRows(xs: readonly number[]): number[] {
  const rows: number[] = [];
  xs.forEach((x, i) => {
    const close = i > 0 && x - xs[i - 1]! < MARKER_R * 2 + 2;
    rows.push(close ? 1 - rows[i - 1]! : 0);
  });
  return rows;
}

/** One edition's status: the status colour, with the status pattern over it so it reads without colour. */
function StatusCell(p: { id: string; status: Status | null; x: number; y: number; w: number; h: number }) {
  if (!p.status) return <rect x={p.x} y={p.y} width={p.w} height={p.h} class="status-none" />;
  const style = STATUS_STYLE[p.status];
  return (
    <>
      <rect x={p.x} y={p.y} width={p.w} height={p.h} fill={style.colour} />
      {style.pattern !== 'solid' && (
        <rect x={p.x} y={p.y} width={p.w} height={p.h} fill={`url(#${p.id}-${style.pattern})`} />
      )}
    </>
  );
}
const DEFAULT_WIDTH = 720;

/**
 * A time series since 1973 with every methodology break marked: a numbered
 * line at the break, explained on hover or keyboard focus and listed in full
 * under the chart (so the explanation is there without JavaScript too), and
 * the values as a table for screen readers and for copying.
 */
export function HistoryChart(props: HistoryChartProps) {
  const { id, title, series, axis, from, to, breaks, statuses } = props;
  const label = props.editionLabel ?? String;
  const format = axis.format ?? String;
  const [ref, measured] = useWidth<HTMLDivElement>();
  const width = measured ?? DEFAULT_WIDTH;
  const narrow = width < 520;
  const frame: Frame = {
    width,
    height: narrow ? 220 : 260,
    left: 44,
    right: narrow ? 16 : 40,
    top: 56,
    bottom: statuses ? 44 : 28,
  };
  const x = xScale(frame, from, to);
  const y = yScale(frame, axis);
  const groups = breakGroups(breaks, from, to);
  const rows = markerRows(groups.map((g) => x(g.edition)));
  const markerY = (i: number) => frame.top - 12 - rows[i]! * (MARKER_R * 2 + 2);
  const [active, setActive] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const editions = [...new Set(series.flatMap((s) => s.points.map((p) => p.edition)))].sort((a, b) => a - b);
  const activeGroup = groups.find((g) => g.n === active);
  const plotBottom = frame.height - frame.bottom;

  const onPointer = (ev: PointerEvent) => {
    const svg = ev.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const px = ((ev.clientX - box.left) / box.width) * width;
    let best: number | null = null;
    for (const e of editions) if (best === null || Math.abs(x(e) - px) < Math.abs(x(best) - px)) best = e;
    setHover(best);
  };

  return (
    <figure class="history-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="history-chart__title">
        {title}
      </figcaption>
      <ul class="history-chart__legend" aria-label="Lines">
        {series.map((s, i) => (
          <li key={s.id}>
            <svg width="28" height="10" aria-hidden="true">
              <line class={`series series-${i}`} x1="0" y1="5" x2="28" y2="5" />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <div class="history-chart__plot" ref={ref}>
        <svg
          viewBox={`0 0 ${width} ${frame.height}`}
          width={width}
          height={frame.height}
          role="group"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          onPointerMove={onPointer}
          onPointerLeave={() => setHover(null)}
        >
          <desc id={`${id}-desc`}>
            {`${series.map((s) => s.label).join(', ')}, FIW ${label(from)} to ${label(to)}; ${groups.length} methodology breaks marked. The table below lists every value.`}
          </desc>
          <defs>
            <PatternShapes hatchId={`${id}-hatch`} dotsId={`${id}-dots`} />
          </defs>
          <g class="axis" aria-hidden="true">
            {axis.ticks.map((t) => (
              <g key={t}>
                <line class="grid" x1={frame.left} x2={frame.width - frame.right} y1={y(t)} y2={y(t)} />
                <text x={frame.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
                  {format(t)}
                </text>
              </g>
            ))}
            {editionTicks(from, to, narrow ? 20 : 10).map((e) => (
              <text key={e} x={x(e)} y={frame.height - 6} text-anchor="middle">
                {e}
              </text>
            ))}
            <text x={4} y={12} class="axis-label">
              {axis.label}
            </text>
          </g>
          {statuses && (
            <g class="status-strip" aria-hidden="true">
              {statuses.map((s, i) => {
                const next = statuses[i + 1]?.edition ?? s.edition + 1;
                const w = Math.max(1, Math.min(x(next), x(to) + 4) - x(s.edition));
                return (
                  <StatusCell
                    key={s.edition}
                    id={id}
                    status={s.status}
                    x={x(s.edition)}
                    y={plotBottom + 6}
                    w={w}
                    h={10}
                  />
                );
              })}
            </g>
          )}
          {groups.map((g, i) => (
            <g
              key={g.edition}
              class={`break-marker${active === g.n ? ' is-active' : ''}`}
              tabIndex={0}
              role="button"
              aria-label={`Break ${g.n}, FIW ${label(g.edition)}: ${g.items.map((b) => b.title).join('; ')}`}
              aria-describedby={`${id}-break-${g.n}`}
              onFocus={() => setActive(g.n)}
              onBlur={() => setActive(null)}
              onMouseEnter={() => setActive(g.n)}
              onMouseLeave={() => setActive(null)}
              onKeyDown={(ev) => ev.key === 'Escape' && setActive(null)}
            >
              <title>{`FIW ${label(g.edition)}: ${g.items.map((b) => b.title).join('; ')}`}</title>
              <line x1={x(g.edition)} x2={x(g.edition)} y1={markerY(i) + MARKER_R} y2={plotBottom} />
              <circle cx={x(g.edition)} cy={markerY(i)} r={MARKER_R} />
              <text x={x(g.edition)} y={markerY(i)} dy="0.35em" text-anchor="middle">
                {g.n}
              </text>
            </g>
          ))}
          {series.map((s, i) => (
            <g key={s.id} class={`series series-${i}`}>
              <path d={linePath(s.points, x, y)} fill="none" />
              {s.points.map((p) =>
                p.value === null ? null : <circle key={p.edition} cx={x(p.edition)} cy={y(p.value)} r="2.2" />,
              )}
            </g>
          ))}
          {!narrow &&
            series.map((s, i) => {
              const last = [...s.points].reverse().find((p) => p.value !== null);
              return last ? (
                <text
                  key={s.id}
                  class={`end-label series-${i}`}
                  x={x(last.edition) + 6}
                  y={y(last.value!) + (i - (series.length - 1) / 2) * 4}
                  dy="0.32em"
                  aria-hidden="true"
                >
                  {format(last.value!)}
                </text>
              ) : null;
            })}
          {hover !== null && (
            <line class="crosshair" x1={x(hover)} x2={x(hover)} y1={frame.top} y2={plotBottom} aria-hidden="true" />
          )}
        </svg>
        {activeGroup && (
          <div
            class="history-chart__tooltip"
            role="tooltip"
            style={{ left: `${Math.min(Math.max(x(activeGroup.edition) - 120, 0), width - 240)}px` }}
          >
            <strong>{`FIW ${label(activeGroup.edition)}`}</strong>
            {activeGroup.items.map((b) => (
              <p key={b.kind}>
                <b>{b.title}.</b> {b.description}
              </p>
            ))}
          </div>
        )}
        {hover !== null && !activeGroup && (
          <div class="history-chart__readout" aria-hidden="true">
            <strong>{`FIW ${label(hover)}`}</strong>
            {series.map((s) => {
              const p = s.points.find((q) => q.edition === hover);
              return <span key={s.id}>{`${s.label}: ${p?.value == null ? '–' : format(p.value)}`}</span>;
            })}
          </div>
        )}
      </div>
      {statuses && (
        <ul class="history-chart__legend" aria-label="Status strip">
          {STATUSES.map((s) => (
            <li key={s}>
              <svg width="18" height="12" aria-hidden="true">
                <StatusCell id={id} status={s} x={0} y={0} w={18} h={12} />
              </svg>
              {STATUS_NAMES[s]}
            </li>
          ))}
        </ul>
      )}
      {groups.length > 0 && (
        <details class="history-chart__breaks">
          <summary>{`Methodology breaks in this chart (${groups.length})`}</summary>
          <ol>
            {groups.map((g) => (
              <li key={g.edition} id={`${id}-break-${g.n}`} value={g.n}>
                <strong>{`FIW ${label(g.edition)}`}</strong>
                {g.items.map((b) => (
                  <span key={b.kind}>
                    {' '}
                    <b>{b.title}.</b> {b.description}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </details>
      )}
      <details class="history-chart__table">
        <summary>{`Table: ${title}`}</summary>
        <div class="table-scroll" role="region" aria-label={`Table: ${title}`} tabIndex={0}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Edition</th>
                {series.map((s) => (
                  <th key={s.id} scope="col">
                    {s.label}
                  </th>
                ))}
                {statuses && <th scope="col">Status</th>}
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => {
                const st = statuses?.find((s) => s.edition === e)?.status;
                return (
                  <tr key={e}>
                    <th scope="row">{label(e)}</th>
                    {series.map((s) => {
                      const p = s.points.find((q) => q.edition === e);
                      return <td key={s.id}>{p?.value == null ? '–' : format(p.value)}</td>;
                    })}
                    {statuses && <td>{st ? STATUS_NAMES[st] : '–'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
