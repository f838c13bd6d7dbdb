import type { Status } from '@freedom-ratings/core';

/**
 * How each status is drawn. The colours are an orange–blue–purple set that
 * colour-blind readers tell apart, each at least 3:1 against the white page
 * (WCAG 1.4.11); the pattern repeats the distinction without colour.
 */
export const STATUS_STYLE: Readonly<Record<Status, { colour: string; pattern: 'solid' | 'hatch' | 'dots' }>> = {
  F: { colour: '#1f6fb0', pattern: 'solid' },
  PF: { colour: '#c25400', pattern: 'hatch' },
  NF: { colour: '#4a1486', pattern: 'dots' },
};

/** Colour of places with no rating in the edition shown. */
export const NO_DATA_COLOUR = '#d4d4d4';
