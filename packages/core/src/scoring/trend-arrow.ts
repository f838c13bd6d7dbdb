import type { TrendArrowRule } from '../methodology/methodology.js';
import type { TrendArrow } from '../types.js';
import type { Changes } from './change.js';

export interface TrendArrowCheck {
  arrow: TrendArrow | null;
  /** null when it cannot be checked (no previous edition to compare with). */
  valid: boolean | null;
  reason: string;
}

/**
 * Whether a trend arrow is allowed by the edition's rule. "Net change" is
 * taken as the change in the total score; every FIW 2018 arrow in FH's data
 * satisfies it for the total and for the PR/CL aggregate alike.
 */
export function checkTrendArrow(
  arrow: TrendArrow | null | undefined,
  changes: Changes | null,
  rule: TrendArrowRule,
): TrendArrowCheck {
  if (!arrow) return { arrow: null, valid: true, reason: 'no trend arrow' };
  if (!changes) return { arrow, valid: null, reason: 'no previous edition to compare with' };
  if (rule.kind === 'without-rating-change') {
    const changed = [
      changes.prRating.direction !== 'unchanged' && 'political rights',
      changes.clRating.direction !== 'unchanged' && 'civil liberties',
    ].filter(Boolean);
    return changed.length
      ? {
          arrow,
          valid: false,
          reason: `a trend arrow cannot accompany a ratings change (${changed.join(' and ')} rating changed)`,
        }
      : { arrow, valid: true, reason: 'no ratings change, so a trend arrow is allowed' };
  }
  if (changes.total === null) return { arrow, valid: null, reason: 'no total score in one of the editions' };
  if (changes.total === 0)
    return { arrow, valid: false, reason: 'a trend arrow needs a net change in score, and the total did not change' };
  const direction = changes.total > 0 ? 'up' : 'down';
  return direction === arrow
    ? {
        arrow,
        valid: true,
        reason: `total changed by ${changes.total > 0 ? '+' : ''}${changes.total}, in the arrow's direction`,
      }
    : {
        arrow,
        valid: false,
        reason: `total changed by ${changes.total > 0 ? '+' : ''}${changes.total}, against the ${arrow}ward arrow`,
      };
}
