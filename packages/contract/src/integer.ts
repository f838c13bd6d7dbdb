import { z } from 'zod';

/** Digits only: no sign, space, leading zero, fraction, exponent or hex prefix. */
const CANONICAL_INTEGER = /^(0|[1-9][0-9]{0,15})$/;

/** Row ids are 32-bit in both databases: a larger one cannot exist, and PostgreSQL would refuse to compare it. */
export const MAX_ID = 2 ** 31 - 1;

/**
 * An integer in a path or query, where it arrives as text. Only the canonical
 * spelling is accepted (`16`, never `0x10`, `1e1`, `016` or ` 16`): a lenient
 * parse would give one resource many addresses, and a cache one entry per
 * spelling. A JSON number is taken as it is.
 */
export function integerParam(min: number, max: number = MAX_ID) {
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    if (CANONICAL_INTEGER.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message: 'expected an integer written in digits only (e.g. 2024)', input: value });
    return z.NEVER;
  }, z.number().int().min(min).max(max));
}
