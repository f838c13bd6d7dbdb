/*
 * Readers for the figures printed in reports, tolerant of how copies mangle
 * them: Unicode minus and dashes, "(+ 2)", a missing slash ("-3 40"), two
 * figures run together ("26/10026/100"). Each returns what it read and the
 * text after it, or null when the text does not start with that figure.
 */

const SIGN = '[+\\-\u2212\u2013\u2012\u2014]';

/** "−3", "- 3", "+2" → number. */
export function signedInteger(text: string): number {
  const t = text.replace(/\s+/g, '');
  const negative = /^[-\u2212\u2013\u2012\u2014]/.test(t);
  const n = Number(t.replace(/^[+\-\u2212\u2013\u2012\u2014]/, ''));
  return negative ? 0 - n : n;
}

export interface FractionRead {
  score: number;
  /** The maximum as printed (the expected one when two figures ran together). */
  max: number;
  change: number | null;
  rest: string;
}

// A maximum followed by ".5" is a decimal figure, not this one ("6 / 40.5").
const FRACTION = new RegExp(`^(${SIGN}?\\s?\\d+)\\s*(\\/\\s*|\\s+)(\\d+)(?!\\.?\\d)`);

const CHANGE = new RegExp(`^\\s*\\(\\s*(${SIGN}?\\s*\\d+)\\s*\\)`);

/**
 * "6 / 40", "6/40 (+1)", "-3 40" (a scrape that lost the slash, accepted only
 * with the expected maximum), "26/10026/100" (the first of two run together).
 */
export function readFraction(text: string, expectedMax: number): FractionRead | null {
  const m = FRACTION.exec(text);
  if (!m) return null;
  const slash = m[2]!.includes('/');
  let maxText = m[3]!;
  let rest = text.slice(m[0].length);
  const expected = String(expectedMax);
  if (maxText !== expected && maxText.startsWith(expected) && maxText.length > expected.length) {
    // Digits of the next figure glued onto this maximum.
    rest = maxText.slice(expected.length) + rest;
    maxText = expected;
  }
  if (!slash && maxText !== expected) return null;
  const c = CHANGE.exec(rest);
  const change = c ? signedInteger(c[1]!) : null;
  if (c) rest = rest.slice(c[0].length);
  return { score: signedInteger(m[1]!), max: Number(maxText), change, rest: rest.trim() };
}

/** "6.5 / 40": a score printed with decimals, which no score has; read as nothing, but worth saying. */
export function isDecimalScore(text: string): boolean {
  return new RegExp(`^${SIGN}?\\s?\\d+[.,]\\d+\\s*\\/\\s*\\d`).test(text);
}

/** The maximum a 1–7 rating is printed with, when it is ("Freedom Rating: 5.5/7"). */
export const RATING_MAX = 7;

export interface RatingRead {
  rating: number;
  /** An arrow or asterisk printed after the rating: a ratings-change marker. */
  marker: string | null;
  /** Printed with its maximum ("6/7"): a rating for certain, whatever the label. */
  outOfSeven: boolean;
  rest: string;
}

// An optional "/ 7"; a slash with no maximum after it is not a figure that ends here.
const OUT_OF = `(?:\\s*\\/\\s*(\\d+)(?![\\d.]))?(?!\\s*\\/)`;

/** "7", "7/7", "7 / 7", "7 (1 = Most Free, 7 = Least Free)", "7 ↓". Not "7 / 40" (that is a score), nor "5.5". */
export function readRating(text: string): RatingRead | null {
  const m = new RegExp(`^(\\d+)(?![\\d.])${OUT_OF}\\s*(?:\\(\\s*1\\s*=[^)]*\\))?\\s*([↑↓▲▼*]+)?`).exec(text);
  if (!m || (m[2] !== undefined && Number(m[2]) !== RATING_MAX)) return null;
  const rest = text.slice(m[0].length).trim();
  if (/^\d/.test(rest)) return null;
  return { rating: Number(m[1]), marker: m[3] ?? null, outOfSeven: m[2] !== undefined, rest };
}

/**
 * "5.5", "5.5/7", "5.5 / 7", "6.0 (1 = Most Free, 7 = Least Free)", "6". A
 * maximum other than 7 is returned as printed, for the caller to refuse.
 */
export function readFreedomRating(text: string): { value: number; max: number | null; rest: string } | null {
  const m = new RegExp(`^(\\d+(?:\\.\\d+)?)(?![\\d.])${OUT_OF}\\s*(?:\\(\\s*1\\s*=[^)]*\\))?`).exec(text);
  return m
    ? { value: Number(m[1]), max: m[2] === undefined ? null : Number(m[2]), rest: text.slice(m[0].length).trim() }
    : null;
}

/** "22", "22 (−1)", "22 (0 = Least Free, 100 = Most Free)", "22 / 100". */
export function readTotal(text: string): FractionRead | null {
  const f = readFraction(text, 100);
  if (f && f.max === 100) return f;
  const m = new RegExp(`^(${SIGN}?\\s?\\d+)(?![\\d.]|\\s*\\/)`).exec(text);
  if (!m) return null;
  let rest = text.slice(m[0].length);
  const c = CHANGE.exec(rest);
  if (c) rest = rest.slice(c[0].length);
  rest = rest.replace(/^\s*\(\s*0\s*=[^)]*\)/, '');
  return { score: signedInteger(m[1]!), max: 100, change: c ? signedInteger(c[1]!) : null, rest: rest.trim() };
}

/**
 * The score of a 2020-layout question line, which some scrapes glue to the
 * widget's decimals: "…elections? 0.000 4.004" is 0 out of 4.
 */
export function gluedWidgetScore(text: string): { score: number; rest: string } | null {
  const m = /\s(\d)\.0+\1\s+4\.0+4$/.exec(text);
  return m ? { score: Number(m[1]), rest: text.slice(0, m.index).trim() } : null;
}

/** A figure at the end of a line: "…elections? 0 / 4 (−1)". */
export function trailingFraction(text: string, max: number): { before: string; read: FractionRead } | null {
  const m = new RegExp(
    `(?:^|\\s)([+\\-\\u2212\\u2013]?\\s?\\d+\\s*\\/\\s*${max}(?:\\s*\\(\\s*[+\\-\\u2212\\u2013]?\\s*\\d+\\s*\\))?)\\s*$`,
  ).exec(text);
  if (!m) return null;
  const read = readFraction(m[1]!, max);
  return read ? { before: text.slice(0, m.index).trim(), read } : null;
}

/** The first "n / max" in a line that runs on into prose (PDF text). */
export function firstFraction(text: string, max: number): { before: string; read: FractionRead } | null {
  const m = new RegExp(`(?:^|\\s)([+\\-\\u2212\\u2013]?\\s?\\d+\\s*\\/\\s*${max})(?!\\d|\\.\\d)`).exec(text);
  if (!m) return null;
  const start = m.index + (m[0].length - m[1]!.length);
  const read = readFraction(text.slice(start), max);
  return read ? { before: text.slice(0, m.index).trim(), read } : null;
}
