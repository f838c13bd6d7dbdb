import type { EntityKind, IndicatorCode, Rating, Status, SubcategoryCode, TrendArrow } from '../types.js';

/**
 * A country report in structured form: what `fiw report parse` prints and
 * what the renderers read. It is plain JSON. Every figure is `null` (or
 * absent, for indicators) when it is not stated: a parsed report never fills
 * a gap with a default or with something it could compute.
 */
export interface Report {
  entity: string | null;
  kind: EntityKind | null;
  edition: number | null;
  status: Status | null;
  ratings: ReportRatings;
  scores: ReportScores;
  /** Change from the previous edition (the Z of "X / Y (Z)"), where stated. */
  changes: ReportChanges;
  /** "Last Year's Score & Status" of the 2020+ header. */
  lastYear: { total: number | null; status: Status | null };
  trendArrow: TrendArrow | null;
  /** The notes under the header, in the report's own words. */
  statements: ReportStatements;
  overview: string[];
  keyDevelopments: string[];
  narrative: ReportNarrative;
  diagnostics: Diagnostic[];
}

export interface ReportRatings {
  pr: Rating | null;
  cl: Rating | null;
  /** The Freedom Rating, the mean of the two: 1.0, 1.5, … 7.0. */
  freedom: number | null;
}

/** The aggregate figures a report states, keyed by the published column names (PR, CL, A…G) so scripts can rely on them. */
export interface ReportFigures {
  total: number | null;
  PR: number | null;
  CL: number | null;
  A: number | null;
  B: number | null;
  C: number | null;
  D: number | null;
  E: number | null;
  F: number | null;
  G: number | null;
}

export interface ReportScores extends ReportFigures {
  /** Ethnic-composition question, stored positive and subtracted from PR; null where not stated. */
  addQ: number | null;
  /** Monarchy question (FIW 2017 and earlier), added to PR; null where not stated. */
  addA: number | null;
  indicators: Partial<Record<IndicatorCode, number>>;
}

export interface ReportRatingChange {
  from: Rating;
  to: Rating;
}

export interface ReportStatusChange {
  from: Status;
  to: Status;
}

export interface ReportChanges extends ReportFigures {
  indicators: Partial<Record<IndicatorCode, number>>;
  /** Ratings and status changes, as the "Ratings Change" / "Status Change" notes state them. */
  prRating: ReportRatingChange | null;
  clRating: ReportRatingChange | null;
  status: ReportStatusChange | null;
}

export interface ReportStatements {
  trendArrow: string | null;
  ratingsChange: string | null;
  statusChange: string | null;
  /** "Notes": e.g. that a country's figures exclude a separately rated territory. */
  note: string | null;
}

export interface IndicatorNarrative {
  /** The question as printed (or as found in the narrative data); null where the report shows none. */
  question: string | null;
  paragraphs: string[];
  /** "Score Change:" notes, without the label. */
  scoreChanges: string[];
}

export interface ReportNarrative {
  subcategories: Partial<Record<SubcategoryCode, string[]>>;
  indicators: Partial<Record<IndicatorCode, IndicatorNarrative>>;
  /** The additional discretionary question (Add Q), where the report has it. */
  addQ: IndicatorNarrative | null;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** Something the parser could not read, or found inconsistent, located by 1-based line. */
export interface Diagnostic {
  line: number;
  severity: DiagnosticSeverity;
  message: string;
}

export type ScoreKey = 'total' | 'PR' | 'CL' | SubcategoryCode;

export const SCORE_KEYS: readonly ScoreKey[] = ['total', 'PR', 'CL', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];

function noFigures(): ReportFigures {
  return { total: null, PR: null, CL: null, A: null, B: null, C: null, D: null, E: null, F: null, G: null };
}

export function emptyReport(): Report {
  return {
    entity: null,
    kind: null,
    edition: null,
    status: null,
    ratings: { pr: null, cl: null, freedom: null },
    scores: {
      ...noFigures(),
      addQ: null,
      addA: null,
      indicators: {},
    },
    changes: {
      ...noFigures(),
      indicators: {},
      prRating: null,
      clRating: null,
      status: null,
    },
    lastYear: { total: null, status: null },
    trendArrow: null,
    statements: { trendArrow: null, ratingsChange: null, statusChange: null, note: null },
    overview: [],
    keyDevelopments: [],
    narrative: { subcategories: {}, indicators: {}, addQ: null },
    diagnostics: [],
  };
}
