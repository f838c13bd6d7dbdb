/**
 * The shared vocabulary of the domain. Every package imports these types from
 * `@freedom-ratings/core`; nothing else defines a second copy.
 */

/** Freedom status in Freedom House's own codes: Free, Partly Free, Not Free. */
export const STATUSES = ['F', 'PF', 'NF'] as const;
export type Status = (typeof STATUSES)[number];

/** Order from most to least free, for comparing two statuses. */
export const STATUS_RANK: Readonly<Record<Status, number>> = { F: 0, PF: 1, NF: 2 };

export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  F: 'Free',
  PF: 'Partly Free',
  NF: 'Not Free',
};

/** A 1–7 rating; 1 is the most free. */
export type Rating = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ENTITY_KINDS = ['country', 'territory'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const SUBCATEGORY_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type SubcategoryCode = (typeof SUBCATEGORY_CODES)[number];

export const INDICATOR_CODES = [
  'A1', 'A2', 'A3',
  'B1', 'B2', 'B3', 'B4',
  'C1', 'C2', 'C3',
  'D1', 'D2', 'D3', 'D4',
  'E1', 'E2', 'E3',
  'F1', 'F2', 'F3', 'F4',
  'G1', 'G2', 'G3', 'G4',
] as const; // prettier-ignore
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export type CategoryCode = 'PR' | 'CL';

/**
 * How detailed an assessment's scores are. Published data comes at every level:
 * indicator scores from FIW 2013, subcategory totals FIW 2006–2023, PR/CL
 * aggregates alone FIW 2003–2005, and only the 1–7 ratings before that.
 */
export const GRANULARITIES = ['indicators', 'subcategories', 'aggregates', 'ratings'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export type IndicatorScores = Record<IndicatorCode, number>;
export type SubcategoryScores = Record<SubcategoryCode, number>;

export const TREND_ARROWS = ['up', 'down'] as const;
export type TrendArrow = (typeof TREND_ARROWS)[number];
