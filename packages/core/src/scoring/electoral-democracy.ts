import type { ElectoralDemocracyRule } from '../methodology/methodology.js';
import type { EntityKind, SubcategoryScores } from '../types.js';

/**
 * Whether a country meets the edition's numeric electoral-democracy
 * thresholds. null where that cannot be known: territories (never designated),
 * editions whose rule is unsettled, or assessments without an A score. A
 * manual override records the qualitative conditions, which can only
 * disqualify a country that passes the numbers.
 */
export function electoralDemocracy(
  kind: EntityKind,
  subcategories: SubcategoryScores | null,
  pr: number | null,
  cl: number | null,
  rule: ElectoralDemocracyRule,
  override?: boolean | null,
): boolean | null {
  if (kind !== 'country' || rule.kind !== 'thresholds') return null;
  if (subcategories === null || pr === null || cl === null) return null;
  const meets = subcategories.A >= rule.minA && pr >= rule.minPR && (rule.minCL === null || cl >= rule.minCL);
  return meets && override === false ? false : meets;
}
