import { formatBand, type BandTable } from './bands.js';
import type { DiscretionaryQuestion, Methodology } from './methodology.js';
import { bandsOf, discretionaryQuestion } from './shape.js';

/** Which part of the rules a change touches. */
export type MethodologyAspect =
  'scores' | 'checklist' | 'discretionary' | 'bands' | 'status' | 'electoral-democracy' | 'trend-arrow';

export interface MethodologyChange {
  aspect: MethodologyAspect;
  /** One sentence in plain language, naming the edition's rule where it matters. */
  text: string;
}

const sameBands = (a: BandTable, b: BandTable) =>
  a.length === b.length && a.every((band, i) => formatBand(band) === formatBand(b[i]!) && band.rating === b[i]!.rating);

const sameQuestion = (a: DiscretionaryQuestion | null, b: DiscretionaryQuestion | null) =>
  JSON.stringify(a) === JSON.stringify(b);

const checklistName = (c: Methodology['checklist']) =>
  c === 'fiw-2018' ? 'the FIW 2018 wording' : c === 'fiw-2003' ? 'the FIW 2003–2017 wording' : (c ?? 'none');

/** Categories, subcategories and indicators with their maxima, as one comparable string. */
const structureOf = (m: Methodology) =>
  m.categories
    .map(
      (c) =>
        `${c.code}:${c.max}(${c.subcategories.map((s) => `${s.code}:${s.max}[${s.indicators.map((i) => `${i.code}:${i.max}`).join()}]`).join()})`,
    )
    .join();

function discretionaryChanges(prev: Methodology, cur: Methodology): MethodologyChange[] {
  const out: MethodologyChange[] = [];
  const [pa, pq] = [discretionaryQuestion(prev, 'addA'), discretionaryQuestion(prev, 'addQ')];
  const [ca, cq] = [discretionaryQuestion(cur, 'addA'), discretionaryQuestion(cur, 'addQ')];
  if (!sameQuestion(pa, ca)) {
    if (pa && !ca)
      out.push({ aspect: 'discretionary', text: `${pa.label} (the monarchy question, added to PR) was eliminated.` });
    else if (!pa && ca) out.push({ aspect: 'discretionary', text: `${ca.label} adds up to ${ca.max} points to PR.` });
    else if (pa && ca) out.push({ aspect: 'discretionary', text: `${ca.label} changed.` });
  }
  if (!sameQuestion(pq, cq)) {
    if (pq && cq && pq.label !== cq.label)
      out.push({ aspect: 'discretionary', text: `${pq.label} was renamed ${cq.label}; it still subtracts from PR.` });
    else if (!pq && cq)
      out.push({ aspect: 'discretionary', text: `${cq.label} subtracts up to ${cq.max} points from PR.` });
    else if (pq && !cq) out.push({ aspect: 'discretionary', text: `${pq.label} was dropped.` });
    else if (pq && cq) out.push({ aspect: 'discretionary', text: `${cq.label} changed.` });
  }
  return out;
}

function statusText(m: Methodology): string {
  const s = m.status;
  if (s.kind === 'stated') return 'status set on unpublished raw points, taken as stated';
  if (s.kind === 'total-score')
    return `status from the total score (Free from ${s.freeMin}, Partly Free from ${s.partlyFreeMin})`;
  const range = `Free to ${s.freeMax.toFixed(1)}, Partly Free to ${s.partlyFreeMax.toFixed(1)}`;
  return s.kind === 'freedom-rating'
    ? `status from the Freedom Rating alone (${range})`
    : `status from the Freedom Rating (${range}), ${s.undecided.map((x) => x.toFixed(1)).join(', ')} decided on raw points`;
}

function electoralText(m: Methodology): string {
  const e = m.electoralDemocracy;
  if (e.kind === 'undetermined') return 'undetermined';
  return Object.entries(e.minimums)
    .map(([code, min]) => `${code} ≥ ${min}`)
    .join(', ');
}

/**
 * What changed in the rules from one edition to the next: the methodology
 * page's "what changed" list and the history chart's rule breaks both read
 * this, so a custom methodology file gets the same account as the built-ins.
 */
export function methodologyChanges(prev: Methodology, cur: Methodology): MethodologyChange[] {
  const out: MethodologyChange[] = [];
  if (prev.scored !== cur.scored) {
    out.push({
      aspect: 'scores',
      text: cur.scored
        ? 'Scores begin: 25 indicators scored 0–4 give the PR and CL aggregates, and the 1–7 ratings follow from band tables.'
        : 'Scores are no longer published; only the 1–7 ratings and the status.',
    });
  }
  if (prev.checklist !== cur.checklist && prev.scored && cur.scored)
    out.push({
      aspect: 'checklist',
      text: `The checklist questions were reworded (${checklistName(prev.checklist)} → ${checklistName(cur.checklist)}).`,
    });
  if (structureOf(prev) !== structureOf(cur))
    out.push({ aspect: 'checklist', text: 'The categories, subcategories, indicators or their maxima changed.' });
  out.push(...discretionaryChanges(prev, cur));
  if (prev.scored && cur.scored) {
    for (const c of cur.categories)
      if (!sameBands(bandsOf(prev, c.code), c.bands))
        out.push({ aspect: 'bands', text: `The ${c.name} rating bands changed.` });
  }
  if (statusText(prev) !== statusText(cur))
    out.push({ aspect: 'status', text: `Status rule: ${statusText(prev)} → ${statusText(cur)}.` });
  if (electoralText(prev) !== electoralText(cur))
    out.push({
      aspect: 'electoral-democracy',
      text: `Electoral-democracy test: ${electoralText(prev)} → ${electoralText(cur)}.`,
    });
  if (prev.trendArrow.kind !== cur.trendArrow.kind)
    out.push({ aspect: 'trend-arrow', text: `Trend arrows: ${cur.trendArrow.note}` });
  return out;
}
