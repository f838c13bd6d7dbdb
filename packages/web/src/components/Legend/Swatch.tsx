import { PATTERN_IDS } from '../../map/patterns.js';

/** A small square of a class's colour and pattern (the same pattern the map uses, from its SVG defs). */
export function Swatch({ colour, pattern }: { colour: string; pattern: 'solid' | 'hatch' | 'dots' }) {
  return (
    <svg class="swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect width="18" height="18" fill={colour} stroke="#333" stroke-width="1" />
      {pattern !== 'solid' && <rect width="18" height="18" fill={`url(#${PATTERN_IDS[pattern]})`} />}
    </svg>
  );
}
