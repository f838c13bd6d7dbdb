import type { Methodology } from '../methodology/methodology.js';
import type { IndexFigures } from '../scoring/index-figures.js';
import type { EntityKind } from '../types.js';
import type { NarrativeText } from '../vocabulary/narrative-labels.js';
import type { FigureRow, ReportBlock } from './document.js';
import { statusName } from './format.js';

/** What a report of another organisation's index is made from: its own categories, codes and maxima. */
export interface IndexReportSource {
  entity: string;
  kind: EntityKind | null;
  /** How the edition is named, e.g. "2030". */
  editionLabel: string;
  methodology: Methodology;
  figures: IndexFigures;
  /** The stored scores by the methodology's own codes (indicators, or subcategories). */
  scores: Readonly<Record<string, number>>;
  narratives: readonly NarrativeText[];
}

/**
 * A report of an index that is not FIW's two-category form, laid out as the
 * same blocks the text, Markdown and HTML renderers take: a header of status,
 * total, each category's score and rating, then each category, subcategory
 * and indicator with its score out of its maximum and its text. There is no
 * era's layout to follow, so the order is the methodology file's.
 */
export function layOutIndexReport(s: IndexReportSource): ReportBlock[] {
  const m = s.methodology;
  const f = s.figures;
  const blocks: ReportBlock[] = [];
  const mark = s.kind === 'territory' ? '*' : '';
  blocks.push({ role: 'title', lines: [`${m.name} ${s.editionLabel} - ${s.entity}${mark}`] });
  const row = (label: string, value: string): FigureRow => ({ lines: [`${label}: ${value}`], label, value });
  const rows: FigureRow[] = [];
  if (f.status) rows.push(row('Status', statusName(f.status)));
  const max = m.categories.reduce((n, c) => n + c.max, 0);
  if (f.total !== null) rows.push(row('Total score', `${f.total} / ${max}`));
  for (const c of m.categories) {
    const figure = f.categories.find((x) => x.code === c.code);
    if (!figure) continue;
    const score = figure.score === null ? '' : `${figure.score} / ${c.max}, `;
    rows.push(row(c.name, `${score}rating ${figure.rating}`));
  }
  rows.push(row('Mean rating', f.freedomRating.toFixed(1)));
  blocks.push({ role: 'figures', rows });

  const texts = new Map(s.narratives.map((n) => [`${n.section}:${n.code}`, n.body]));
  const text = (section: NarrativeText['section'], code = '') => {
    const body = texts.get(`${section}:${code}`);
    if (body) blocks.push({ role: 'paragraph', lines: [body] });
  };
  if (texts.has('overview:')) {
    blocks.push({ role: 'heading', level: 2, lines: ['Overview'] });
    text('overview');
  }
  if (texts.has('key-developments:')) {
    blocks.push({ role: 'heading', level: 2, lines: ['Key Developments'] });
    text('key-developments');
  }
  for (const c of m.categories) {
    const score = f.categories.find((x) => x.code === c.code)?.score;
    blocks.push({ role: 'heading', level: 2, lines: [`${c.name}: ${score ?? '-'} / ${c.max}`], id: c.code });
    for (const sub of c.subcategories) {
      const subScore = f.subcategories?.[sub.code];
      blocks.push({ role: 'heading', level: 3, lines: [`${sub.code}. ${sub.name}: ${subScore ?? '-'} / ${sub.max}`] });
      text('subcategory', sub.code);
      for (const i of sub.indicators) {
        const v = s.scores[i.code];
        if (v === undefined) continue;
        blocks.push({ role: 'heading', level: 4, lines: [`${i.code} ${i.title}: ${v} / ${i.max}`] });
        text('indicator', i.code);
      }
    }
  }
  const answered = m.discretionary.filter((q) => s.scores[q.code] !== undefined && s.scores[q.code] !== 0);
  if (answered.length) blocks.push({ role: 'bullets', items: answered.map((q) => `${q.label}: ${s.scores[q.code]}`) });
  return blocks;
}
