import type { BandTable } from './bands.js';

/**
 * The rules of one edition, as data. Built-in editions cover FIW 1973–2026;
 * an organisation can load its own (its own bands, its own thresholds) as JSON
 * of the same shape, which is why nothing here is a function.
 */
export interface Methodology {
  /** Stable id, e.g. "fiw-2014". */
  id: string;
  /** Numeric edition key (see `editions.ts` for how the 1980s labels map). */
  edition: number;
  name: string;
  /**
   * Whether scores exist at all. Before FIW 2003 the checklist and raw-point
   * tables were different and are not published, so only ratings are held.
   */
  scored: boolean;
  /** Which wording of the 25 questions applies; wording itself is data. */
  checklist: 'fiw-2003' | 'fiw-2018' | null;
  discretionary: {
    /** Monarchy question, added to PR; eliminated in FIW 2018. */
    addA: DiscretionaryQuestion | null;
    /** Ethnic-composition question, subtracted from PR ("Add B" up to FIW 2017). */
    addQ: DiscretionaryQuestion | null;
  };
  prBands: BandTable;
  clBands: BandTable;
  status: StatusRule;
  electoralDemocracy: ElectoralDemocracyRule;
  trendArrow: TrendArrowRule;
}

export interface DiscretionaryQuestion {
  /** Name as printed in that edition's data: "Add A", "Add B", "Add Q". */
  label: string;
  effect: 'adds' | 'subtracts';
  max: number;
  /** Our own summary of what the question asks. */
  summary: string;
}

export type StatusRule =
  | {
      /** FIW 2004 on: the status follows from the Freedom Rating alone. */
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
    };

export type ElectoralDemocracyRule =
  | {
      kind: 'thresholds';
      minA: number;
      minPR: number;
      minCL: number | null;
      note: string;
    }
  | { kind: 'undetermined'; note: string };

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
