import type { Cell } from './table.js';

/**
 * Reading single cells the way FH's files write them: numbers as numbers or
 * digit strings, blanks as empty. The integer readers return NaN rather than
 * allocating a result per cell: files have tens of thousands of cells and only
 * the failures need a message, which `integerProblem` writes.
 */

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined || cell === '') return true;
  return typeof cell === 'string' && cell.trim() === '';
}

const INTEGER = /^[+\-\u2212\u2013]?\d+(\.0+)?$/;

/** A whole number, or NaN. Accepts 3, "3", " 3 ", "-3", "−3" (Unicode minus) and "3.0". */
export function integerCell(cell: Cell | undefined): number {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : Number.NaN;
  if (typeof cell !== 'string') return Number.NaN;
  const fast = plainDigits(cell);
  if (fast !== -1) return fast;
  const text = cell.trim();
  if (!INTEGER.test(text)) return Number.NaN;
  const value = Number.parseInt(text.replace(/^[\u2212\u2013]/, '-'), 10);
  return value === 0 ? 0 : value;
}

/** Why a cell is not a whole number in [min, max], or undefined if it is one. */
export function integerProblem(cell: Cell | undefined, min?: number, max?: number): string | undefined {
  const range =
    min === undefined || max === undefined
      ? ''
      : max === Number.POSITIVE_INFINITY
        ? `; expected a whole number of at least ${min}`
        : `; expected a whole number ${min}–${max}`;
  if (isBlank(cell)) return `blank cell${range}`;
  const value = integerCell(cell);
  if (Number.isNaN(value)) return `"${cellText(cell)}" is not a whole number${range}`;
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return `${value} is out of range${range.replace(/^;/, ',')}`;
  }
  return undefined;
}

/** The common case, short unsigned digit strings, without trimming or a regular expression; -1 if not that case. */
function plainDigits(s: string): number {
  const n = s.length;
  if (n === 0 || n > 6) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
