import type { ElectoralDemocracyRule } from '../methodology/methodology.js';
import type { EntityKind } from '../types.js';

/**
 * Whether a country meets the edition's numeric electoral-democracy
 * thresholds. null where that cannot be known: territories (never designated),
 * editions whose rule is unsettled, or assessments without a score the rule
 * names (FIW's A needs subcategory scores). A manual override records the
 * qualitative conditions, which can only disqualify a country that passes the
 * numbers.
 */
export function electoralDemocracy(
  kind: EntityKind,
  scoreOf: (code: string) => number | null,
  rule: ElectoralDemocracyRule,
  override?: boolean | null,
): boolean | null {
  if (kind !== 'country' || rule.kind !== 'thresholds') return null;
  let meets = true;
  for (const code in rule.minimums) {
    const score = scoreOf(code);
    if (score === null) return null;
    if (score < rule.minimums[code]!) meets = false;
  }
  return meets && override === false ? false : meets;
}
