import { STATUS_NAMES, type Status } from '@freedom-ratings/core';
import { STATUS_STYLE } from './status-style.js';

/** A status as a word with its colour swatch beside it (the word carries it; the colour repeats it). */
export function StatusBadge({ status }: { status: Status | null }) {
  if (status === null) return <span class="status-badge status-none">Not determined</span>;
  return (
    <span class={`status-badge status-${status}`}>
      <span class="status-swatch" aria-hidden="true" style={{ background: STATUS_STYLE[status].colour }} />
      {STATUS_NAMES[status]}
    </span>
  );
}
