import { ENTITIES } from '../entities/registry.js';
import type { Granularity } from '../types.js';
import { methodologyFor } from './builtin.js';
import { methodologyChanges, type MethodologyAspect } from './changes.js';
import { EDITIONS, type EditionInfo } from './editions.js';
import type { Methodology } from './methodology.js';

/**
 * The most detailed level Freedom House published from each edition on:
 * ratings only until FIW 2001-02, PR and CL aggregates FIW 2003–2005,
 * subcategory totals FIW 2006–2012, the 25 indicators from FIW 2013.
 */
export const PUBLISHED_DETAIL: readonly { from: number; granularity: Granularity }[] = [
  { from: 1973, granularity: 'ratings' },
  { from: 2003, granularity: 'aggregates' },
  { from: 2006, granularity: 'subcategories' },
  { from: 2013, granularity: 'indicators' },
];

export type BreakKind = 'detail' | 'rules' | 'regions' | 'survey-period';

/** A point where a time series changes meaning: a reader comparing across it should know why. */
export interface MethodologyBreak {
  edition: number;
  kind: BreakKind;
  title: string;
  description: string;
}

const DETAIL_TEXT: Record<Granularity, { title: string; description: string }> = {
  ratings: { title: 'Ratings only', description: 'Only the 1–7 ratings and the status are published.' },
  aggregates: {
    title: 'Scores begin',
    description:
      'Political Rights (0–40) and Civil Liberties (0–60) aggregate scores are published; the ratings follow from them. Earlier editions have ratings only.',
  },
  subcategories: {
    title: 'Subcategory scores',
    description: 'The seven subcategory totals (A–G) are published; before this only the PR and CL aggregates.',
  },
  indicators: {
    title: 'Indicator scores',
    description: 'All 25 indicator scores (0–4) are published; before this only subcategory totals.',
  },
};

function detailBreaks(): MethodologyBreak[] {
  return PUBLISHED_DETAIL.slice(1).map(({ from, granularity }) => ({
    edition: from,
    kind: 'detail',
    ...DETAIL_TEXT[granularity],
  }));
}

const FIGURE_ASPECTS = new Set<MethodologyAspect>(['checklist', 'discretionary', 'bands', 'status']);

function ruleBreaks(editions: readonly { edition: number; methodology: Methodology }[]): MethodologyBreak[] {
  const out: MethodologyBreak[] = [];
  for (let i = 1; i < editions.length; i++) {
    const changes = methodologyChanges(editions[i - 1]!.methodology, editions[i]!.methodology);
    // Scores beginning is told by the detail break of the same edition; electoral-democracy and
    // trend-arrow rules change no figure of a series, so the methodology page alone tells them.
    const told = changes.filter((c) => FIGURE_ASPECTS.has(c.aspect));
    if (told.length === 0) continue;
    const addADropped = told.some((c) => c.aspect === 'discretionary' && c.text.includes('eliminated'));
    out.push({
      edition: editions[i]!.edition,
      kind: 'rules',
      title: addADropped ? 'Add A dropped, rules revised' : 'Rules changed',
      description: told.map((c) => c.text).join(' '),
    });
  }
  return out;
}

/** Editions in which several entities moved region together (FIW 2022: North Africa to Africa). */
function regionBreaks(): MethodologyBreak[] {
  const moves = new Map<number, { names: string[]; from: Set<string>; to: Set<string> }>();
  for (const e of ENTITIES) {
    const history = e.regionUntil ?? [];
    history.forEach(([last, region], i) => {
      const next = history[i + 1]?.[1] ?? e.region;
      const m = moves.get(last + 1) ?? { names: [], from: new Set(), to: new Set() };
      m.names.push(e.name);
      m.from.add(region);
      m.to.add(next);
      moves.set(last + 1, m);
    });
  }
  return [...moves]
    .filter(([, m]) => m.names.length > 1)
    .map(([edition, m]) => ({
      edition,
      kind: 'regions' as const,
      title: 'Regions regrouped',
      description: `${m.names.sort().join(', ')} moved from ${[...m.from].join('/')} to ${[...m.to].join('/')}; regional averages before and after differ in membership.`,
    }));
}

const months = (e: EditionInfo) => {
  const [sy, sm] = e.periodStart.split('-').map(Number) as [number, number];
  const [ey, em] = e.periodEnd.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
};

/** Editions whose survey ran well over a year, so a calendar year has no survey of its own (e.g. 1981). */
function surveyPeriodBreaks(): MethodologyBreak[] {
  return EDITIONS.filter((e) => months(e) > 14).map((e) => ({
    edition: e.edition,
    kind: 'survey-period' as const,
    title: `Survey of ${months(e)} months`,
    description: `FIW ${e.label} covers ${e.periodStart} to ${e.periodEnd} (${months(e)} months): no survey covers a single calendar year here, so the years under review do not advance one by one.`,
  }));
}

/**
 * Every break in FIW's series, oldest first, derived from the methodology
 * data, the editions' periods and the entity registry (nothing listed by
 * hand but what FH published at which level).
 */
export function methodologyBreaks(): MethodologyBreak[] {
  const methodologies = EDITIONS.map((e) => ({ edition: e.edition, methodology: methodologyFor(e.edition)! }));
  return [...detailBreaks(), ...ruleBreaks(methodologies), ...regionBreaks(), ...surveyPeriodBreaks()].sort(
    (a, b) => a.edition - b.edition,
  );
}
