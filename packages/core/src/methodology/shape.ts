import type { BandTable } from './bands.js';
import type {
  CategoryRule,
  DiscretionaryQuestion,
  IndicatorRule,
  Methodology,
  SubcategoryRule,
} from './methodology.js';

/**
 * A methodology's tree flattened once for the engine's loops: every row of a
 * bulk check is scored against the same few methodologies, so the lookups are
 * built on first use and kept with the methodology object.
 */
export interface MethodologyShape {
  categories: readonly CategoryRule[];
  subcategories: readonly (SubcategoryRule & { category: string })[];
  indicators: readonly (IndicatorRule & { subcategory: string })[];
  indicatorCodes: readonly string[];
  indicatorMax: readonly number[];
  /** Every code a score can be given under: subcategories and categories (what electoral-democracy minimums name). */
  byCode: ReadonlyMap<string, CategoryRule | SubcategoryRule | IndicatorRule>;
  /** Whether it is FIW's two-category form (PR and CL), which FH's files and the stored figures assume. */
  prCl: boolean;
}

const shapes = new WeakMap<Methodology, MethodologyShape>();

export function shapeOf(m: Methodology): MethodologyShape {
  let shape = shapes.get(m);
  if (!shape) {
    const subcategories = m.categories.flatMap((c) => c.subcategories.map((s) => ({ ...s, category: c.code })));
    const indicators = subcategories.flatMap((s) => s.indicators.map((i) => ({ ...i, subcategory: s.code })));
    const byCode = new Map<string, CategoryRule | SubcategoryRule | IndicatorRule>();
    for (const x of [...m.categories, ...subcategories, ...indicators]) byCode.set(x.code, x);
    const codes = m.categories.map((c) => c.code);
    shape = {
      categories: m.categories,
      subcategories,
      indicators,
      indicatorCodes: indicators.map((i) => i.code),
      indicatorMax: indicators.map((i) => i.max),
      byCode,
      prCl: codes.length === 2 && codes[0] === 'PR' && codes[1] === 'CL',
    };
    shapes.set(m, shape);
  }
  return shape;
}

/** A category's rules by code (undefined when the methodology has no such category). */
export function categoryRule(m: Methodology, code: string): CategoryRule | undefined {
  return m.categories.find((c) => c.code === code);
}

/** A category's band table; empty when the methodology has no such category. */
export function bandsOf(m: Methodology, code: string): BandTable {
  return categoryRule(m, code)?.bands ?? [];
}

/** A discretionary question by its answer's code ("addA", "addQ"), or null when the methodology has none. */
export function discretionaryQuestion(m: Methodology, code: string): DiscretionaryQuestion | null {
  return m.discretionary.find((q) => q.code === code) ?? null;
}

/** The lowest score a category can reach: 0 less every question that can subtract from it. */
export function categoryMinimum(m: Methodology, code: string): number {
  return -m.discretionary.filter((q) => q.category === code && q.effect === 'subtracts').reduce((s, q) => s + q.max, 0);
}

/**
 * Whether scores given under one methodology mean the same under another:
 * the same indicator, subcategory and discretionary codes (FIW 2026 and its
 * copy FIW 2027; not FIW and an organisation's own index). Opening an edition
 * copies the previous one's scores only then.
 */
export function sameScoreCodes(a: Methodology, b: Methodology): boolean {
  const codes = (m: Methodology) =>
    [
      ...shapeOf(m).indicatorCodes,
      '|',
      ...shapeOf(m).subcategories.map((s) => s.code),
      '|',
      ...m.discretionary.map((q) => q.code),
    ].join(' ');
  return codes(a) === codes(b);
}
