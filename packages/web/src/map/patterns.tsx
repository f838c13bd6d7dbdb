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
        <PatternShapes hatchId={PATTERN_IDS.hatch} dotsId={PATTERN_IDS.dots} />
      </defs>
    </svg>
  );
}

/** The hatch and dot patterns under ids of the caller's choosing, for an SVG that keeps its own `<defs>`. */
export function PatternShapes({ hatchId, dotsId }: { hatchId: string; dotsId: string }) {
  return (
    <>
      <pattern id={hatchId} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="1.4" height="4" fill="#fff" fill-opacity="0.55" />
      </pattern>
      <pattern id={dotsId} width="4" height="4" patternUnits="userSpaceOnUse">
        <circle cx="2" cy="2" r="0.9" fill="#fff" fill-opacity="0.6" />
      </pattern>
    </>
  );
}
