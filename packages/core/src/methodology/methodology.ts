import type { BandTable } from './bands.js';

/** The `format` every methodology file names, so a reader can tell ours from any other JSON. */
export const METHODOLOGY_FORMAT = 'freedom-ratings/methodology@1';

/**
 * The rules of one or more editions, as data: exactly what a methodology file
 * holds (docs/methodology-format.md). The built-in FIW files are of this
 * shape, and an organisation can load its own (its own categories, questions,
 * scales, bands and rules) — which is why nothing here is a function.
 */
export interface Methodology {
  format: typeof METHODOLOGY_FORMAT;
  /** Stable id, e.g. "fiw-2019"; with `version`, what an edition names. */
  id: string;
  /** 1, 2, …: a methodology in use by a published edition never changes; a change is a new version. */
  version: number;
  name: string;
  /** The edition keys these rules apply to (see `editions.ts` for how the 1980s labels map). */
  editions: readonly number[];
  /**
   * Whether scores exist at all. Before FIW 2003 the checklist and raw-point
   * tables were different and are not published, so only ratings are held.
   */
  scored: boolean;
  /** Which wording of the questions applies ("fiw-2003", "fiw-2018", or an organisation's own name). */
  checklist: string | null;
  /** Categories → subcategories → indicators; each category's score maps to a rating through its bands. */
  categories: readonly CategoryRule[];
  /** Questions outside the checklist that add to or subtract from a category's score. */
  discretionary: readonly DiscretionaryQuestion[];
  status: StatusRule;
  electoralDemocracy: ElectoralDemocracyRule;
  trendArrow: TrendArrowRule;
}

export interface CategoryRule {
  /** "PR", "CL", or an organisation's own code; unique across the whole file. */
  code: string;
  name: string;
  /** The sum of its subcategories' maxima. */
  max: number;
  /** Category score → rating, rating 1 (highest scores) first. */
  bands: BandTable;
  subcategories: readonly SubcategoryRule[];
}

export interface SubcategoryRule {
  code: string;
  name: string;
  /** The sum of its indicators' maxima. */
  max: number;
  indicators: readonly IndicatorRule[];
}

export interface IndicatorRule {
  code: string;
  /** A short title for tables and forms. */
  title: string;
  /** The question as the scoring form asks it (the official wording of an edition is loaded with its data). */
  question: string;
  /** Scored as a whole number from 0 to `max`. */
  max: number;
}

export interface DiscretionaryQuestion {
  /** The answer's key: "addA" and "addQ" for FIW, an organisation's own code otherwise. */
  code: string;
  /** Name as printed in that edition's data: "Add A", "Add B", "Add Q". */
  label: string;
  effect: 'adds' | 'subtracts';
  /** The category whose score it changes. */
  category: string;
  /** Answered as a whole number in [min, max]. */
  min: number;
  max: number;
  /** Our own summary of what the question asks. */
  summary: string;
}

export const STATUS_RULE_KINDS = ['freedom-rating', 'freedom-rating-with-raw-points', 'stated', 'total-score'] as const;

export type StatusRule =
  | {
      /** FIW 2004 on: the status follows from the Freedom Rating (mean of the category ratings) alone. */
      kind: 'freedom-rating';
      freeMax: number;
      partlyFreeMax: number;
    }
  | {
      /**
       * FIW 2003: Partly Free ran to 5.5, and a 5.5 split on raw points by a
       * cut that was never published. Ratings alone cannot decide it.
       */
      kind: 'freedom-rating-with-raw-points';
      freeMax: number;
      partlyFreeMax: number;
      undecided: readonly number[];
      note: string;
    }
  | {
      /** Up to 2001-02: status was set by raw points; it can only be stated. */
      kind: 'stated';
      note: string;
    }
  | {
      /** An index whose status follows from its total score: Free from `freeMin`, Partly Free from `partlyFreeMin`. */
      kind: 'total-score';
      freeMin: number;
      partlyFreeMin: number;
    };

export const ELECTORAL_DEMOCRACY_RULE_KINDS = ['thresholds', 'undetermined'] as const;

export type ElectoralDemocracyRule =
  | {
      /** Countries whose every named category or subcategory score reaches its minimum. */
      kind: 'thresholds';
      /** Code of a category or subcategory → the lowest score that passes, e.g. { A: 7, PR: 20 }. */
      minimums: Readonly<Record<string, number>>;
      note: string;
    }
  | { kind: 'undetermined'; note: string };

export const TREND_ARROW_RULE_KINDS = ['without-rating-change', 'net-score-change'] as const;

export type TrendArrowRule =
  | {
      /** Up to FIW 2017: an arrow marks a trend too small to change a rating. */
      kind: 'without-rating-change';
      note: string;
    }
  | {
      /** FIW 2018 on: an arrow needs a net score change in its direction. */
      kind: 'net-score-change';
      note: string;
    };
