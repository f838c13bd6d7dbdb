import { editionInfo } from '../methodology/editions.js';
import { CATEGORIES, INDICATORS, SUBCATEGORIES } from '../methodology/structure.js';
import type { CategoryCode, IndicatorCode, SubcategoryCode } from '../types.js';
import { changeSuffix, formatChange, formatFraction, formatFreedomRating, formatScore, statusName } from './format.js';
import { showsAggregateIn2014Layout, type ReportLayout } from './layout.js';
import type { IndicatorNarrative, Report } from './model.js';
import { ratingsChangeSentence, statusChangeSentence } from './statements.js';

/**
 * A report laid out in one era's layout, before it becomes text, Markdown or
 * HTML. Each block keeps the exact lines of the plain-text layout, so the
 * three formats say the same thing and the parser can read any of them back;
 * the role says how richer formats mark the block up.
 */
export type ReportBlock =
  | { role: 'title'; lines: [string] }
  | { role: 'figures'; rows: FigureRow[] }
  | { role: 'heading'; level: 2 | 3 | 4; lines: string[]; id?: string }
  | { role: 'paragraph'; lines: [string] }
  | { role: 'bullets'; items: string[] }
  | { role: 'legend'; lines: string[] };

/** One header figure: the text layout's line, and the same as label and value for a table. */
export interface FigureRow {
  lines: string[];
  label: string;
  value: string;
}

/** Lines emitted only for what the report states: a rendered report never shows a figure that was not there. */
export function layOut(r: Report, layout: ReportLayout): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const t = title(r, layout);
  if (t !== null) blocks.push({ role: 'title', lines: [t] });
  // The 2014 layout names the edition in a "2014 Scores" line of its own.
  if (layout === '2014' && r.edition !== null)
    blocks.push({ role: 'heading', level: 2, lines: [`${r.edition} Scores`] });
  const rows = layout === '2014' ? figures2014(r) : layout === '2018' ? figures2018(r) : figures2020(r);
  if (rows.length) blocks.push({ role: 'figures', rows });
  changeNotes(r, blocks);
  if (r.statements.note) blocks.push(paragraph(`Notes: ${r.statements.note}`));
  overview(r, layout, blocks);
  body(r, layout, blocks);
  if (layout !== '2020' && hasBody(r, layout)) {
    blocks.push({ role: 'legend', lines: ['Scoring Key: X / Y (Z)'] });
    blocks.push({
      role: 'legend',
      lines: ['X = Score Received', 'Y = Best Possible Score', 'Z = Change from Previous Year'],
    });
  }
  return blocks;
}

const paragraph = (text: string): ReportBlock => ({ role: 'paragraph', lines: [text] });

function title(r: Report, layout: ReportLayout): string | null {
  const mark = r.kind === 'territory' ? '*' : '';
  if (r.entity !== null) return `Freedom in the World${r.edition === null ? '' : ` ${r.edition}`} - ${r.entity}${mark}`;
  // The 2014 layout names the edition in its "2014 Scores" line instead.
  return r.edition === null || layout === '2014' ? null : `Freedom in the World ${r.edition}`;
}

function row(label: string, value: string, line = `${label}: ${value}`): FigureRow {
  return { lines: [line], label, value };
}

function figures2014(r: Report): FigureRow[] {
  const rows: FigureRow[] = [];
  if (r.status) rows.push(row('Status', statusName(r.status)));
  // The FIW 2016–2017 pages added the 0–100 aggregate to this header.
  if (showsAggregateIn2014Layout(r.edition) && r.scores.total !== null)
    rows.push(
      row(
        'Aggregate Score',
        `${formatScore(r.scores.total)}${changeSuffix(r.changes.total)} (0 = Least Free, 100 = Most Free)`,
      ),
    );
  if (r.ratings.freedom !== null)
    rows.push(row('Freedom Rating (1 = best, 7 = worst)', formatFreedomRating(r.ratings.freedom)));
  if (r.ratings.cl !== null) rows.push(row('Civil Liberties (1 = best, 7 = worst)', String(r.ratings.cl)));
  if (r.ratings.pr !== null) rows.push(row('Political Rights (1 = best, 7 = worst)', String(r.ratings.pr)));
  return rows;
}

function figures2018(r: Report): FigureRow[] {
  const rows: FigureRow[] = [];
  if (r.status) rows.push(row('Freedom Status', statusName(r.status)));
  if (r.scores.total !== null)
    rows.push(
      row(
        'Aggregate Score',
        `${formatScore(r.scores.total)}${changeSuffix(r.changes.total)} (0 = Least Free, 100 = Most Free)`,
      ),
    );
  if (r.ratings.freedom !== null)
    rows.push(row('Freedom Rating', `${formatFreedomRating(r.ratings.freedom)} (1 = Most Free, 7 = Least Free)`));
  if (r.ratings.pr !== null) rows.push(row('Political Rights', `${r.ratings.pr} (1 = Most Free, 7 = Least Free)`));
  if (r.ratings.cl !== null) rows.push(row('Civil Liberties', `${r.ratings.cl} (1 = Most Free, 7 = Least Free)`));
  return rows;
}

function figures2020(r: Report): FigureRow[] {
  const rows: FigureRow[] = [];
  if (r.status) rows.push(row('Status', statusName(r.status), statusName(r.status)));
  if (r.scores.total !== null) {
    const v = formatFraction(r.scores.total, 100, r.changes.total);
    rows.push(row('Global Freedom Score', v, v));
  }
  for (const cat of ['PR', 'CL'] as const) {
    const score = r.scores[cat];
    if (score === null) continue;
    const label = `${cat} ${CATEGORIES[cat].name}`;
    const v = formatFraction(score, CATEGORIES[cat].max, r.changes[cat]);
    rows.push(row(label, v, `${label} ${v}`));
  }
  if (r.lastYear.total !== null || r.lastYear.status !== null) {
    const label = "Last Year's Score & Status";
    const v = [
      r.lastYear.total === null ? null : `${formatScore(r.lastYear.total)} / 100`,
      r.lastYear.status === null ? null : statusName(r.lastYear.status),
    ]
      .filter((p) => p !== null)
      .join(' ');
    rows.push({ lines: [label, v], label, value: v });
  }
  return rows;
}

/** Status and ratings changes, then the trend arrow with its statement. */
function changeNotes(r: Report, blocks: ReportBlock[]): void {
  const status = r.statements.statusChange ?? (r.changes.status && statusChangeSentence(r.changes.status));
  if (status) blocks.push(paragraph(`Status Change: ${status}`));
  const ratings = r.statements.ratingsChange ?? ratingsChangeSentence(r.changes.prRating, r.changes.clRating);
  if (ratings) blocks.push(paragraph(`Ratings Change: ${ratings}`));
  if (r.trendArrow || r.statements.trendArrow) {
    const arrow = r.trendArrow === 'up' ? ' ↑' : r.trendArrow === 'down' ? ' ↓' : '';
    blocks.push(paragraph(`Trend Arrow:${arrow}`));
    if (r.statements.trendArrow) blocks.push(paragraph(r.statements.trendArrow));
  }
}

function overview(r: Report, layout: ReportLayout, blocks: ReportBlock[]): void {
  if (r.overview.length) {
    // The 2014 layout prints the overview straight after the header, without a heading.
    if (layout !== '2014') blocks.push({ role: 'heading', level: 2, lines: ['Overview'], id: 'overview' });
    for (const p of r.overview) blocks.push(paragraph(p));
  }
  if (r.keyDevelopments.length) {
    const year = r.edition === null ? null : (editionInfo(r.edition)?.yearUnderReview ?? r.edition - 1);
    const colon = layout === '2020' ? '' : ':';
    const text = year === null ? `Key Developments${colon}` : `Key Developments in ${year}${colon}`;
    blocks.push({ role: 'heading', level: 2, lines: [text], id: 'key-developments' });
    blocks.push({ role: 'bullets', items: r.keyDevelopments });
  }
}

function subcategoryShown(r: Report, sub: SubcategoryCode, layout: ReportLayout): boolean {
  if (r.scores[sub] !== null || r.narrative.subcategories[sub]?.length) return true;
  if (layout === '2014') return false;
  return SUBCATEGORIES[sub].indicators.some(
    (code) => r.scores.indicators[code] !== undefined || r.narrative.indicators[code] !== undefined,
  );
}

function discretionaryShown(r: Report, layout: ReportLayout): boolean {
  return r.scores.addQ !== null || r.scores.addA !== null || (layout !== '2014' && r.narrative.addQ !== null);
}

function categoryShown(r: Report, cat: CategoryCode, layout: ReportLayout): boolean {
  if (r.scores[cat] !== null) return true;
  if (cat === 'PR' && discretionaryShown(r, layout)) return true;
  return CATEGORIES[cat].subcategories.some((s) => subcategoryShown(r, s, layout));
}

function hasBody(r: Report, layout: ReportLayout): boolean {
  return categoryShown(r, 'PR', layout) || categoryShown(r, 'CL', layout);
}

function body(r: Report, layout: ReportLayout, blocks: ReportBlock[]): void {
  if (layout === '2018' && hasBody(r, layout))
    blocks.push({ role: 'heading', level: 2, lines: ['Political Rights and Civil Liberties:'] });
  for (const cat of ['PR', 'CL'] as const) {
    if (!categoryShown(r, cat, layout)) continue;
    blocks.push({ role: 'heading', level: 2, lines: [categoryHeading(r, cat, layout)], id: cat.toLowerCase() });
    for (const sub of CATEGORIES[cat].subcategories) {
      if (!subcategoryShown(r, sub, layout)) continue;
      blocks.push({ role: 'heading', level: 3, lines: [subcategoryHeading(r, sub, layout)], id: sub.toLowerCase() });
      for (const p of r.narrative.subcategories[sub] ?? []) blocks.push(paragraph(p));
      if (layout !== '2014') for (const code of SUBCATEGORIES[sub].indicators) indicator(r, code, layout, blocks);
    }
    if (cat === 'PR') discretionary(r, layout, blocks);
  }
}

function categoryHeading(r: Report, cat: CategoryCode, layout: ReportLayout): string {
  const score = r.scores[cat];
  const name = CATEGORIES[cat].name;
  // The 2020 layout states PR and CL in its header; the body heading is the name alone.
  if (layout === '2020') return `${cat} ${name}`;
  return score === null ? `${name}:` : `${name}: ${formatFraction(score, CATEGORIES[cat].max, r.changes[cat])}`;
}

function subcategoryHeading(r: Report, sub: SubcategoryCode, layout: ReportLayout): string {
  const def = SUBCATEGORIES[sub];
  const score = r.scores[sub];
  const figure = score === null ? '' : ` ${formatFraction(score, def.max, r.changes[sub])}`;
  return layout === '2020' ? `${sub} ${def.name}${figure}` : `${sub}. ${def.name}:${figure}`;
}

function indicator(r: Report, code: IndicatorCode, layout: ReportLayout, blocks: ReportBlock[]): void {
  const score = r.scores.indicators[code];
  const n = r.narrative.indicators[code];
  if (score === undefined && n === undefined) return;
  const question = n?.question ?? INDICATORS[code].title;
  const figure = score === undefined ? null : formatFraction(score, INDICATORS[code].max, r.changes.indicators[code]);
  const lines =
    layout === '2020'
      ? [`${code} 0-4 pts`, question, ...(figure ? [figure] : [])]
      : [`${code}. ${question}${figure ? ` ${figure}` : ''}`];
  blocks.push({ role: 'heading', level: 4, lines, id: code.toLowerCase() });
  narrativeBlocks(n, blocks);
}

function discretionary(r: Report, layout: ReportLayout, blocks: ReportBlock[]): void {
  const addQ = r.scores.addQ;
  const n = r.narrative.addQ;
  const figure = addQ === null ? null : `${formatScore(-addQ)} / 0`;
  if (layout === '2014') {
    if (addQ !== null) blocks.push(paragraph(`Add Q: ${formatChange(-addQ)}`));
  } else if (addQ !== null || n) {
    const parts = [n?.question ?? null, figure].filter((x): x is string => x !== null);
    const lines = layout === '2020' ? ['Add Q', ...parts] : [['Add Q.', ...parts].join(' ')];
    blocks.push({ role: 'heading', level: 4, lines, id: 'add-q' });
    narrativeBlocks(n ?? undefined, blocks);
  }
  if (r.scores.addA !== null) blocks.push(paragraph(`Add A: ${formatChange(r.scores.addA)}`));
}

function narrativeBlocks(n: IndicatorNarrative | undefined, blocks: ReportBlock[]): void {
  if (!n) return;
  for (const p of n.paragraphs) blocks.push(paragraph(p));
  for (const s of n.scoreChanges) blocks.push(paragraph(`Score Change: ${s}`));
}
