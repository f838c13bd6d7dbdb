import type { CategoryCode, IndicatorCode, SubcategoryCode } from '../types.js';

/**
 * The checklist's fixed shape: 2 categories, 7 subcategories, 25 indicators
 * scored 0–4. It has not changed since FIW 2003; only the question wording
 * has, and wording is data loaded per edition, not part of the structure.
 */
export interface IndicatorDefinition {
  code: IndicatorCode;
  subcategory: SubcategoryCode;
  /** Our own short title; official question wording is loaded from data. */
  title: string;
  max: number;
}

export interface SubcategoryDefinition {
  code: SubcategoryCode;
  category: CategoryCode;
  name: string;
  indicators: readonly IndicatorCode[];
  max: number;
}

export interface CategoryDefinition {
  code: CategoryCode;
  name: string;
  subcategories: readonly SubcategoryCode[];
  max: number;
}

export const INDICATOR_MAX = 4;
export const DISCRETIONARY_MAX = 4;

const titles: Record<IndicatorCode, string> = {
  A1: 'Head of government chosen in free and fair elections',
  A2: 'Legislature chosen in free and fair elections',
  A3: 'Fair electoral laws, impartially applied',
  B1: 'Freedom to form and run competing parties',
  B2: 'Opposition can realistically gain power',
  B3: 'Political choices free from unaccountable domination',
  B4: 'Full political rights for all segments of the population',
  C1: 'Elected officials actually set policy',
  C2: 'Effective safeguards against corruption',
  C3: 'Open and transparent government',
  D1: 'Free and independent media',
  D2: 'Freedom of religious belief and practice',
  D3: 'Academic freedom, education free of indoctrination',
  D4: 'Personal expression without fear of surveillance or retribution',
  E1: 'Freedom of assembly',
  E2: 'Freedom for nongovernmental organizations',
  E3: 'Freedom for trade unions and professional bodies',
  F1: 'Independent judiciary',
  F2: 'Due process in civil and criminal matters',
  F3: 'Protection from illegitimate force, war and insurgency',
  F4: 'Equal treatment under law, policy and practice',
  G1: 'Freedom of movement, residence, work and study',
  G2: 'Property rights and private enterprise',
  G3: 'Personal social freedoms',
  G4: 'Equality of opportunity, freedom from exploitation',
};

function indicatorsOf(sub: SubcategoryCode, count: number): IndicatorCode[] {
  return Array.from({ length: count }, (_, i) => `${sub}${i + 1}` as IndicatorCode);
}

function subcategory(
  code: SubcategoryCode,
  category: CategoryCode,
  name: string,
  count: number,
): SubcategoryDefinition {
  return { code, category, name, indicators: indicatorsOf(code, count), max: count * INDICATOR_MAX };
}

export const SUBCATEGORIES: Readonly<Record<SubcategoryCode, SubcategoryDefinition>> = {
  A: subcategory('A', 'PR', 'Electoral Process', 3),
  B: subcategory('B', 'PR', 'Political Pluralism and Participation', 4),
  C: subcategory('C', 'PR', 'Functioning of Government', 3),
  D: subcategory('D', 'CL', 'Freedom of Expression and Belief', 4),
  E: subcategory('E', 'CL', 'Associational and Organizational Rights', 3),
  F: subcategory('F', 'CL', 'Rule of Law', 4),
  G: subcategory('G', 'CL', 'Personal Autonomy and Individual Rights', 4),
};

export const CATEGORIES: Readonly<Record<CategoryCode, CategoryDefinition>> = {
  PR: { code: 'PR', name: 'Political Rights', subcategories: ['A', 'B', 'C'], max: 40 },
  CL: { code: 'CL', name: 'Civil Liberties', subcategories: ['D', 'E', 'F', 'G'], max: 60 },
};

export const INDICATORS: Readonly<Record<IndicatorCode, IndicatorDefinition>> = Object.fromEntries(
  Object.values(SUBCATEGORIES).flatMap((s) =>
    s.indicators.map((code) => [code, { code, subcategory: s.code, title: titles[code], max: INDICATOR_MAX }]),
  ),
) as Record<IndicatorCode, IndicatorDefinition>;
