import { INDICATOR_CODES } from '../types.js';
import { INDICATORS } from '../methodology/structure.js';
import { SCORE_KEYS, type Report } from './model.js';
import { ratingsChangeSentence, statusChangeSentence } from './statements.js';

/**
 * The text layouts of each era (methodology notes §10): the 2014 layout
 * (ratings header, category and subcategory scores), the 2018–2019 layout
 * (adds the aggregate score and indicator lines) and the 2020+ layout
 * (score headline, no 1–7 ratings shown).
 */
export type ReportLayout = '2014' | '2018' | '2020';

export const REPORT_LAYOUTS: readonly ReportLayout[] = ['2014', '2018', '2020'];

/** The layout an edition was published in; editions before 2018 use the 2014 layout. */
export function layoutForEdition(edition: number | null): ReportLayout {
  if (edition !== null && edition >= 2020) return '2020';
  if (edition !== null && edition >= 2018) return '2018';
  return '2014';
}

/** FIW 2016 and 2017 pages, in the 2014 layout otherwise, show the aggregate score too. */
export function showsAggregateIn2014Layout(edition: number | null): boolean {
  return edition !== null && edition >= 2016;
}

/**
 * The part of a report a layout carries: what `parse(render(report, layout))`
 * gives back. The 2014 layout shows no indicators, no total (before FIW
 * 2016) and no last-year line; the 2018 layout no last-year line; the 2020
 * layout no 1–7 ratings.
 * Indicators shown without a question get the engine's short title, since
 * that is what the renderer prints. Diagnostics are dropped.
 */
export function carriedBy(report: Report, layout: ReportLayout): Report {
  const r: Report = JSON.parse(JSON.stringify(report)) as Report;
  r.diagnostics = [];
  // A country is the default reading; only a territory is marked ("Western Sahara*").
  // …and the mark sits on the title, which names the entity.
  if (r.kind === 'country' || r.entity === null) r.kind = null;
  // A change is printed next to its score, so without the score it is not carried.
  for (const k of SCORE_KEYS) if (r.scores[k] === null) r.changes[k] = null;
  for (const code of INDICATOR_CODES) if (r.scores.indicators[code] === undefined) delete r.changes.indicators[code];
  // Without a note of its own, a ratings or status change is printed in our words, and read back as a note.
  const s = r.statements;
  s.ratingsChange ??= ratingsChangeSentence(r.changes.prRating, r.changes.clRating);
  if (s.statusChange === null && r.changes.status) s.statusChange = statusChangeSentence(r.changes.status);
  // "(Z)" is printed only when there is a change, so a zero change reads back as not stated.
  for (const k of SCORE_KEYS) if (r.changes[k] === 0) r.changes[k] = null;
  for (const code of INDICATOR_CODES) if (r.changes.indicators[code] === 0) delete r.changes.indicators[code];
  if (layout === '2014') {
    if (!showsAggregateIn2014Layout(r.edition)) {
      r.scores.total = null;
      r.changes.total = null;
    }
    r.scores.indicators = {};
    r.changes.indicators = {};
    r.narrative.indicators = {};
    r.narrative.addQ = null;
    r.lastYear = { total: null, status: null };
  } else {
    for (const code of INDICATOR_CODES) {
      const n = r.narrative.indicators[code];
      const shown = r.scores.indicators[code] !== undefined || n !== undefined;
      if (!shown) continue;
      r.narrative.indicators[code] = {
        question: n?.question ?? INDICATORS[code].title,
        paragraphs: n?.paragraphs ?? [],
        scoreChanges: n?.scoreChanges ?? [],
      };
    }
    if (r.scores.addQ !== null || r.narrative.addQ) {
      r.narrative.addQ = {
        question: r.narrative.addQ?.question ?? null,
        paragraphs: r.narrative.addQ?.paragraphs ?? [],
        scoreChanges: r.narrative.addQ?.scoreChanges ?? [],
      };
    }
  }
  if (layout === '2018') r.lastYear = { total: null, status: null };
  if (layout === '2020') r.ratings = { pr: null, cl: null, freedom: null };
  return r;
}
