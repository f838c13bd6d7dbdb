import { STATUS_NAMES, type Status } from '../types.js';

/** The minus sign reports print (U+2212); parsers accept it and ASCII alike. */
export const MINUS = '\u2212';

/** A score as printed: "6", "−3". */
export function formatScore(n: number): string {
  return n < 0 ? `${MINUS}${-n}` : String(n);
}

/** A change as printed inside "(Z)": "+1", "−2". */
export function formatChange(n: number): string {
  return n > 0 ? `+${n}` : formatScore(n);
}

/** "(+1)" after a score, or nothing when there is no change to show. */
export function changeSuffix(change: number | null | undefined): string {
  return change === null || change === undefined || change === 0 ? '' : ` (${formatChange(change)})`;
}

/** "X / Y" with the change, when there is one: "6 / 40 (−1)". */
export function formatFraction(score: number, max: number, change?: number | null): string {
  return `${formatScore(score)} / ${max}${changeSuffix(change)}`;
}

export function formatFreedomRating(fr: number): string {
  return fr.toFixed(1);
}

export function statusName(status: Status): string {
  return STATUS_NAMES[status];
}
