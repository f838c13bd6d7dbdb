import { formatBand, type BandTable } from './bands.js';
import type { DiscretionaryQuestion, Methodology } from './methodology.js';

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
  c === 'fiw-2018' ? 'the FIW 2018 wording' : c === 'fiw-2003' ? 'the FIW 2003–2017 wording' : 'none';

function discretionaryChanges(prev: Methodology, cur: Methodology): MethodologyChange[] {
  const out: MethodologyChange[] = [];
  const { addA: pa, addQ: pq } = prev.discretionary;
  const { addA: ca, addQ: cq } = cur.discretionary;
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
  const range = `Free to ${s.freeMax.toFixed(1)}, Partly Free to ${s.partlyFreeMax.toFixed(1)}`;
  return s.kind === 'freedom-rating'
    ? `status from the Freedom Rating alone (${range})`
    : `status from the Freedom Rating (${range}), ${s.undecided.map((x) => x.toFixed(1)).join(', ')} decided on raw points`;
}

function electoralText(m: Methodology): string {
  const e = m.electoralDemocracy;
  if (e.kind === 'undetermined') return 'undetermined';
  return [`A ≥ ${e.minA}`, `PR ≥ ${e.minPR}`, ...(e.minCL === null ? [] : [`CL ≥ ${e.minCL}`])].join(', ');
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
  out.push(...discretionaryChanges(prev, cur));
  if (prev.scored && cur.scored) {
    if (!sameBands(prev.prBands, cur.prBands))
      out.push({ aspect: 'bands', text: 'The Political Rights rating bands changed.' });
    if (!sameBands(prev.clBands, cur.clBands))
      out.push({ aspect: 'bands', text: 'The Civil Liberties rating bands changed.' });
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
