/** Ids of the SVG patterns laid over a colour so that a status also reads without colour. */
export const PATTERN_IDS = { hatch: 'pattern-hatch', dots: 'pattern-dots' } as const;

/**
 * The pattern definitions, rendered once per page (legend swatches and the
 * map refer to them by id). White strokes keep the base colour dominant.
 */
export function PatternDefs() {
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id={PATTERN_IDS.hatch}
          width="4"
          height="4"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="1.4" height="4" fill="#fff" fill-opacity="0.55" />
        </pattern>
        <pattern id={PATTERN_IDS.dots} width="4" height="4" patternUnits="userSpaceOnUse">
          <circle cx="2" cy="2" r="0.9" fill="#fff" fill-opacity="0.6" />
        </pattern>
      </defs>
    </svg>
  );
}
