/**
 * The parts of an assessment's narrative. Per-question text (`subcategory`,
 * `indicator`, `discretionary`) carries the question's code beside the
 * section; the others stand once per assessment.
 */
export const NARRATIVE_SECTIONS = [
  'overview',
  'key-developments',
  'notes',
  'status-change',
  'ratings-change',
  'trend-arrow',
  'subcategory',
  'indicator',
  'discretionary',
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
