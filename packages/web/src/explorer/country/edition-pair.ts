import {
  CATEGORIES,
  compareWithPrevious,
  formatChange,
  formatFreedomRating,
  formatScore,
  INDICATORS,
  STATUS_NAMES,
  SUBCATEGORIES,
  type Direction,
} from '@freedom-ratings/core';
import { scoredOf } from './assessment-input.js';
import type { CountryReport } from '../../api/client.js';

/** One line of the side-by-side: a figure in both editions and how it moved from the earlier to the later. */
export interface PairRow {
  code: string;
  label: string;
  level: 'status' | 'rating' | 'total' | 'category' | 'subcategory' | 'indicator';
  earlier: string | null;
  later: string | null;
  /** "+2", "−1", "improved", "declined", "unchanged"; null where one side lacks the figure. */
  change: string | null;
  direction: Direction | null;
  earlierText: string[];
  laterText: string[];
}

const directionOf = (n: number | null | undefined): Direction | null =>
  n === null || n === undefined ? null : n > 0 ? 'improved' : n < 0 ? 'declined' : 'unchanged';

const texts = (r: CountryReport, section: string, code: string) =>
  r.narratives.filter((n) => n.section === section && n.code === code).map((n) => n.body);

const fraction = (score: number | null | undefined, max: number) =>
  score === null || score === undefined ? null : `${formatScore(score)} / ${max}`;

/**
 * Two editions of one entity compared at every level both have, the later
 * against the earlier (positive is better), with each edition's texts for the
 * indicator or subcategory. Differences come from core's comparison.
 */
export function editionPairRows(a: CountryReport, b: CountryReport): PairRow[] {
  const [earlier, later] = a.edition.edition <= b.edition.edition ? [a, b] : [b, a];
  const scored = (r: CountryReport) => scoredOf(r.entity.name, r.entity.kind, r.edition.edition, r.figures);
  const e = scored(earlier);
  const l = scored(later);
  if (!e || !l) return [];
  const c = compareWithPrevious(l, e);
  const ef = earlier.figures;
  const lf = later.figures;
  const rows: PairRow[] = [];
  const row = (r: Omit<PairRow, 'earlierText' | 'laterText'>, section = '', code = r.code) =>
    rows.push({
      ...r,
      earlierText: section ? texts(earlier, section, code) : [],
      laterText: section ? texts(later, section, code) : [],
    });
  const scoreChange = (n: number | null | undefined) => ({
    change: n === null || n === undefined ? null : formatChange(n),
    direction: directionOf(n),
  });

  row({
    code: 'status',
    label: 'Status',
    level: 'status',
    earlier: ef.status && STATUS_NAMES[ef.status],
    later: lf.status && STATUS_NAMES[lf.status],
    change: c.status?.direction ?? null,
    direction: c.status?.direction ?? null,
  });
  row({
    code: 'freedomRating',
    label: 'Freedom Rating (1 = most free)',
    level: 'rating',
    earlier: formatFreedomRating(ef.freedomRating),
    later: formatFreedomRating(lf.freedomRating),
    // Lower is better for ratings: the engine's change is later − earlier.
    change: c.freedomRating === 0 ? 'unchanged' : formatChange(c.freedomRating),
    direction: directionOf(-c.freedomRating),
  });
  for (const [code, label, change] of [
    ['prRating', 'Political Rights rating', c.prRating],
    ['clRating', 'Civil Liberties rating', c.clRating],
  ] as const)
    row({
      code,
      label,
      level: 'rating',
      earlier: String(change.from),
      later: String(change.to),
      change: change.direction,
      direction: change.direction,
    });
  if (lf.total !== null || ef.total !== null)
    row({
      code: 'total',
      label: 'Total score',
      level: 'total',
      earlier: fraction(ef.total, 100),
      later: fraction(lf.total, 100),
      ...scoreChange(c.total),
    });
  for (const cat of ['PR', 'CL'] as const) {
    const def = CATEGORIES[cat];
    const key = cat === 'PR' ? 'pr' : 'cl';
    if (ef[key] === null && lf[key] === null) continue;
    row({
      code: cat,
      label: def.name,
      level: 'category',
      earlier: fraction(ef[key], def.max),
      later: fraction(lf[key], def.max),
      ...scoreChange(c[key]),
    });
    for (const sub of def.subcategories) {
      const s = SUBCATEGORIES[sub];
      if (ef.subcategories || lf.subcategories)
        row(
          {
            code: sub,
            label: `${sub}. ${s.name}`,
            level: 'subcategory',
            earlier: fraction(ef.subcategories?.[sub], s.max),
            later: fraction(lf.subcategories?.[sub], s.max),
            ...scoreChange(c.subcategories[sub]),
          },
          'subcategory',
        );
      for (const code of s.indicators) {
        if (!ef.indicators && !lf.indicators) continue;
        row(
          {
            code,
            label: `${code}. ${later.questions[code] ?? earlier.questions[code] ?? INDICATORS[code].title}`,
            level: 'indicator',
            earlier: fraction(ef.indicators?.[code], INDICATORS[code].max),
            later: fraction(lf.indicators?.[code], INDICATORS[code].max),
            ...scoreChange(c.indicators[code]),
          },
          'indicator',
        );
      }
    }
  }
  return rows;
}

/**
 * The rows whose figure both editions have and that moved (`changed=1`). A
 * figure only one edition has (scores beside a ratings-only edition) is not
 * comparable, so it is not a change either.
 */
export function changedRows(rows: readonly PairRow[]): PairRow[] {
  return rows.filter((r) => r.direction === 'improved' || r.direction === 'declined');
}
