import { methodologyFor } from '../methodology/builtin.js';
import type { Methodology } from '../methodology/methodology.js';
import type { AssessmentInput } from '../assessment-input.js';
import { compareWithPrevious, type Changes } from '../scoring/change.js';
import { assess } from '../scoring/score.js';
import { INDICATOR_CODES, SUBCATEGORY_CODES, type EntityKind, type IndicatorCode } from '../types.js';
import { emptyReport, type Report } from './model.js';
import { arrowInStatement, indicatorText, splitAddQ, splitNote, splitRunTogether } from './narrative.js';
import type { NarrativeText } from '../vocabulary/narrative-labels.js';
import { discretionaryQuestion } from '../methodology/shape.js';

export interface ReportSource {
  entity: string;
  kind?: EntityKind | null;
  edition: number;
  /** The edition's scores, at whatever granularity they were published. */
  current: AssessmentInput;
  /** The previous edition's scores, for the changes and the last-year line. */
  previous?: AssessmentInput | null;
  narrative?: readonly NarrativeText[];
  /** The edition's wording of each question, by code ("A1", "Add Q"), shown above its text. */
  questions?: ReadonlyMap<string, string>;
  methodology?: Methodology;
  /** The previous edition's rules (a loaded file); the built-in ones for its edition when absent. */
  previousMethodology?: Methodology;
}

export class ReportBuildError extends Error {}

/**
 * Assembles a full report from published scores and a narrative table. Every
 * figure is derived by the engine from the scores (never taken from the
 * narrative), changes come from comparing with the previous edition, and the
 * text is sorted into the report's sections.
 */
export function buildReport(source: ReportSource): Report {
  const m = source.methodology ?? methodologyFor(source.edition);
  if (!m) throw new ReportBuildError(`${source.edition} is not an edition with built-in rules`);
  const current = assess(source.current, m);
  if (!current.figures) {
    const why = current.problems.map((p) => p.message).join('; ');
    throw new ReportBuildError(`${source.entity} ${source.edition} cannot be scored: ${why}`);
  }
  const previousInput = source.previous ?? null;
  const previous = previousInput
    ? assess(previousInput, source.previousMethodology ?? methodologyFor(previousInput.edition))
    : null;
  const changes =
    previous?.figures && previousInput
      ? compareWithPrevious(
          { input: source.current, figures: current.figures },
          { input: previousInput, figures: previous.figures },
        )
      : null;

  const f = current.figures;
  const r = emptyReport();
  r.entity = source.entity;
  r.kind = source.kind ?? source.current.kind ?? null;
  r.edition = source.edition;
  r.status = f.status;
  r.ratings = { pr: f.prRating, cl: f.clRating, freedom: f.freedomRating };
  r.scores.total = f.total;
  r.scores.PR = f.pr;
  r.scores.CL = f.cl;
  for (const s of SUBCATEGORY_CODES) r.scores[s] = f.subcategories?.[s] ?? null;
  const ind = source.current.indicators;
  if (f.granularity === 'indicators' && ind)
    for (const code of INDICATOR_CODES)
      if (ind[code] !== undefined && ind[code] !== null) r.scores.indicators[code] = ind[code]!;
  if (changes && previous?.figures) applyChanges(r, changes, previous.figures.total, previous.figures.status);

  applyNarrative(r, source.narrative ?? [], source.questions ?? new Map());
  const scored = f.granularity === 'indicators' || f.granularity === 'subcategories';
  // Discretionary questions are shown where they apply: a non-zero score, or text about them.
  const addQ = source.current.addQ ?? 0;
  if (scored && (addQ !== 0 || r.narrative.addQ)) r.scores.addQ = addQ;
  const addA = source.current.addA ?? 0;
  if (scored && discretionaryQuestion(m, 'addA') && addA !== 0) r.scores.addA = addA;
  r.trendArrow =
    source.current.trendArrow ?? (r.statements.trendArrow ? arrowInStatement(r.statements.trendArrow) : null);
  return r;
}

function applyChanges(r: Report, c: Changes, lastTotal: number | null, lastStatus: Report['status']): void {
  r.changes.total = c.total;
  r.changes.PR = c.pr;
  r.changes.CL = c.cl;
  for (const s of SUBCATEGORY_CODES) r.changes[s] = c.subcategories[s] ?? null;
  for (const code of INDICATOR_CODES)
    if (c.indicators[code] !== undefined) r.changes.indicators[code] = c.indicators[code]!;
  if (c.prRating.direction !== 'unchanged') r.changes.prRating = { from: c.prRating.from, to: c.prRating.to };
  if (c.clRating.direction !== 'unchanged') r.changes.clRating = { from: c.clRating.from, to: c.clRating.to };
  if (c.status && c.status.direction !== 'unchanged') r.changes.status = { from: c.status.from, to: c.status.to };
  r.lastYear = { total: lastTotal, status: lastStatus };
}

/**
 * Sorts the texts into the report. Scraped texts carry a "Note:" glued onto
 * the end of whole-report sections, and the Add Q question run into the end
 * of C3; both are taken out to where the report prints them.
 */
function applyNarrative(r: Report, texts: readonly NarrativeText[], questions: ReadonlyMap<string, string>): void {
  const notes: string[] = [];
  for (const t of texts) {
    const body = t.body.trim();
    switch (t.section) {
      case 'indicator': {
        const code = t.code as IndicatorCode;
        let text = body;
        if (code === 'C3') {
          const split = splitAddQ(body);
          text = split.c3;
          if (split.addQ) r.narrative.addQ = indicatorText(split.addQ.text, split.addQ.question);
        }
        r.narrative.indicators[code] = indicatorText(text, questions.get(code) ?? null);
        break;
      }
      case 'discretionary':
        if (t.code === 'Add Q') r.narrative.addQ = indicatorText(body, questions.get('Add Q') ?? null);
        break;
      case 'notes':
        notes.unshift(body);
        break;
      case 'subcategory':
        break;
      default: {
        const split = splitNote(body);
        if (split.note) notes.push(split.note);
        applyStatement(r, t.section, split.text);
      }
    }
  }
  if (notes.length) r.statements.note = notes.join(' ');
}

/** A whole-report section's text into its place. */
function applyStatement(r: Report, section: NarrativeText['section'], text: string): void {
  switch (section) {
    case 'overview':
      r.overview = splitRunTogether(text);
      break;
    case 'key-developments':
      r.keyDevelopments = splitRunTogether(text);
      break;
    case 'status-change':
      r.statements.statusChange = text;
      break;
    case 'ratings-change': {
      // Some reports give the ratings change and the trend arrow as one statement.
      const combined = /^Ratings? Change, Trend Arrow:?\s*/i.exec(text);
      const statement = combined ? text.slice(combined[0].length) : text;
      r.statements.ratingsChange = statement;
      if (combined) r.statements.trendArrow ??= statement;
      break;
    }
    case 'trend-arrow':
      r.statements.trendArrow = text;
      break;
  }
}
