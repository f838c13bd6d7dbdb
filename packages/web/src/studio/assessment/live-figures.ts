import {
  assess,
  compareWithPrevious,
  explain,
  INDICATOR_CODES,
  reviewWarnings,
  SUBCATEGORY_CODES,
  type AssessmentInput,
  type Changes,
  type DerivedFigures,
  type Explanation,
  type IndicatorScores,
  type Problem,
  type ReviewWarning,
  type SubcategoryScores,
} from '@freedom-ratings/core';
import { narrativesOf, scoreField, valueOf, type Fields, type StudioAssessment } from './fields.js';

type ApiFigures = NonNullable<StudioAssessment['figures']>;

/** Everything the scoring form shows beside the scores, derived by core from what is on screen. */
export interface LiveFigures {
  figures: DerivedFigures | null;
  problems: Problem[];
  changes: Changes | null;
  explanation: Explanation | null;
  warnings: ReviewWarning[];
}

const numberOr = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The engine's input for the assessment as edited: the scores on screen at the assessment's own level. */
export function draftInput(a: StudioAssessment, fields: Fields): AssessmentInput {
  const pick = <K extends string>(codes: readonly K[]) => {
    const out: Partial<Record<K, number>> = {};
    for (const code of codes) {
      const v = numberOr(valueOf(fields, scoreField(code)));
      if (v !== undefined) out[code] = v;
    }
    return out;
  };
  const base = inputFromFigures(a.entity.name, a.edition.edition, a.entity.kind, a.figures);
  return {
    ...base,
    indicators: a.granularity === 'indicators' ? (pick(INDICATOR_CODES) as IndicatorScores) : null,
    subcategories: a.granularity === 'subcategories' ? (pick(SUBCATEGORY_CODES) as SubcategoryScores) : null,
    addQ: numberOr(valueOf(fields, 'addQ')) ?? null,
    addA: numberOr(valueOf(fields, 'addA')) ?? null,
    trendArrow: (valueOf(fields, 'trendArrow') as AssessmentInput['trendArrow']) ?? null,
  };
}

/**
 * The engine's view of figures the API sent (last edition's, or a
 * ratings-only assessment's), so core can compare with them: the scores at
 * the level they were stated, the ratings and the stated status.
 */
function inputFromFigures(
  entity: string,
  edition: number,
  kind: AssessmentInput['kind'],
  f: ApiFigures | null,
): AssessmentInput {
  return {
    entity,
    edition,
    kind,
    indicators: f?.indicators ?? null,
    subcategories: f && !f.indicators ? f.subcategories : null,
    aggregates: f && !f.subcategories && f.pr !== null && f.cl !== null ? { pr: f.pr, cl: f.cl } : null,
    ratings: f && f.prRating !== null && f.clRating !== null ? { pr: f.prRating, cl: f.clRating } : null,
    addQ: f?.addQ ?? null,
    addA: f?.addA ?? null,
    status: f?.status ?? null,
    trendArrow: f?.trendArrow ?? null,
  };
}

function derivedOf(f: ApiFigures): DerivedFigures {
  return {
    granularity: f.granularity,
    subcategories: f.subcategories,
    pr: f.pr,
    cl: f.cl,
    total: f.total,
    prRating: f.prRating as DerivedFigures['prRating'],
    clRating: f.clRating as DerivedFigures['clRating'],
    freedomRating: f.freedomRating,
    status: f.status,
    statusBasis: 'rule',
    electoralDemocracy: f.electoralDemocracy,
  };
}

/** Last edition as core's comparison takes it; prepared once per assessment, not per keypress. */
export function previousOf(a: StudioAssessment) {
  const p = a.previous;
  if (!p) return null;
  return {
    input: inputFromFigures(a.entity.name, p.edition, a.entity.kind, p.figures),
    figures: p.figures ? derivedOf(p.figures) : null,
    narratives: p.narratives,
  };
}

/**
 * Recomputes every derived figure, the change from last edition, the
 * distance to the next band and the review warnings — the same core
 * functions the server runs — for the fields as they are on screen.
 */
export function liveFigures(a: StudioAssessment, fields: Fields, previous = previousOf(a)): LiveFigures {
  const scorable = a.granularity === 'indicators' || a.granularity === 'subcategories';
  const input = scorable
    ? draftInput(a, fields)
    : inputFromFigures(a.entity.name, a.edition.edition, a.entity.kind, a.figures);
  // A loaded methodology (FIW 2027 on) comes with the assessment; the built-in ones are in core.
  const assessed = assess(input, a.methodology ?? undefined);
  const figures = assessed.figures;
  const changes =
    figures && previous?.figures
      ? compareWithPrevious({ input, figures }, { input: previous.input, figures: previous.figures })
      : null;
  return {
    figures,
    problems: assessed.problems,
    changes,
    explanation: figures && assessed.methodology ? explain(figures, assessed.methodology) : null,
    warnings: reviewWarnings({ input, assessed, narratives: narrativesOf(fields) }, previous),
  };
}
