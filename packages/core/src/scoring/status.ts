import type { StatusRule } from '../methodology/methodology.js';
import type { Status } from '../types.js';

export interface StatusDecision {
  status: Status | null;
  basis: 'rule' | 'stated' | 'undetermined';
}

/** Status from the Freedom Rating under a rule, falling back to a stated status where the rule cannot decide. */
export function decideStatus(freedomRating: number, rule: StatusRule, stated?: Status | null): StatusDecision {
  if (rule.kind === 'stated') {
    return stated ? { status: stated, basis: 'stated' } : { status: null, basis: 'undetermined' };
  }
  if (rule.kind === 'freedom-rating-with-raw-points' && rule.undecided.includes(freedomRating)) {
    return stated ? { status: stated, basis: 'stated' } : { status: null, basis: 'undetermined' };
  }
  return { status: statusByRating(freedomRating, rule.freeMax, rule.partlyFreeMax), basis: 'rule' };
}

export function statusByRating(freedomRating: number, freeMax: number, partlyFreeMax: number): Status {
  return freedomRating <= freeMax ? 'F' : freedomRating <= partlyFreeMax ? 'PF' : 'NF';
}

/** The statuses a Freedom Rating can have under a rule (more than one where raw points decided). */
export function possibleStatuses(freedomRating: number, rule: StatusRule): Status[] {
  if (rule.kind === 'stated') return ['F', 'PF', 'NF'];
  const byRule = statusByRating(freedomRating, rule.freeMax, rule.partlyFreeMax);
  if (rule.kind === 'freedom-rating-with-raw-points' && rule.undecided.includes(freedomRating)) {
    return byRule === 'PF' ? ['PF', 'NF'] : [byRule];
  }
  return [byRule];
}
