import { INDICATOR_CODES, SUBCATEGORY_CODES, type Granularity } from '@freedom-ratings/core';

/** How many questions an assessment's level has: 25 indicators, 7 subcategories, none for ratings-only data. */
export function questionsAt(granularity: Granularity): number {
  if (granularity === 'indicators') return INDICATOR_CODES.length;
  if (granularity === 'subcategories') return SUBCATEGORY_CODES.length;
  return 0;
}
