import type { StatusRule } from '../methodology/methodology.js';
import type { Status } from '../types.js';

export interface StatusDecision {
  status: Status | null;
  basis: 'rule' | 'stated' | 'undetermined';
}

const asStated = (stated: Status | null | undefined): StatusDecision =>
  stated ? { status: stated, basis: 'stated' } : { status: null, basis: 'undetermined' };

/**
 * Status under a rule, from the Freedom Rating (or the total score, for an
 * index whose rule says so), falling back to a stated status where the rule
 * cannot decide.
 */
export function decideStatus(
  freedomRating: number,
  total: number | null,
  rule: StatusRule,
  stated?: Status | null,
): StatusDecision {
  if (rule.kind === 'stated') return asStated(stated);
  if (rule.kind === 'freedom-rating-with-raw-points' && rule.undecided.includes(freedomRating)) return asStated(stated);
  if (rule.kind === 'total-score') {
    if (total === null) return asStated(stated);
    return { status: total >= rule.freeMin ? 'F' : total >= rule.partlyFreeMin ? 'PF' : 'NF', basis: 'rule' };
  }
  return { status: statusByRating(freedomRating, rule.freeMax, rule.partlyFreeMax), basis: 'rule' };
}

export function statusByRating(freedomRating: number, freeMax: number, partlyFreeMax: number): Status {
  return freedomRating <= freeMax ? 'F' : freedomRating <= partlyFreeMax ? 'PF' : 'NF';
}

/** The statuses a Freedom Rating can have under a rule (more than one where raw points or the total decide). */
export function possibleStatuses(freedomRating: number, rule: StatusRule): Status[] {
  if (rule.kind === 'stated' || rule.kind === 'total-score') return ['F', 'PF', 'NF'];
  const byRule = statusByRating(freedomRating, rule.freeMax, rule.partlyFreeMax);
  if (rule.kind === 'freedom-rating-with-raw-points' && rule.undecided.includes(freedomRating)) {
    return byRule === 'PF' ? ['PF', 'NF'] : [byRule];
  }
  return [byRule];
}
