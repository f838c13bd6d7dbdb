/**
 * A NUL or a lone UTF-16 surrogate: neither is text. PostgreSQL refuses both
 * in a query (a NUL ends a C string; a lone surrogate has no UTF-8 form), and
 * SQLite stores them silently, so a request carrying one is refused at the
 * edge, before any database sees it.
 */
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const NOT_TEXT = /[\u0000\ud800-\udfff]/u; // with `u`, a paired surrogate is one code point above U+FFFF

/** One string (a value or a key) that is not text, by its path inside the value. */
export interface TextProblem {
  path: string;
  message: string;
}

/** Every string, and every object key, in a decoded request part that holds a NUL or a lone surrogate. */
export function textProblems(value: unknown, path: string[] = []): TextProblem[] {
  if (typeof value === 'string') return NOT_TEXT.test(value) ? [problem(path, value)] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => textProblems(item, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(NOT_TEXT.test(key) ? [problem([...path, key], key, 'its name')] : []),
    ...textProblems(item, [...path, key]),
  ]);
}

function problem(path: string[], text: string, what = 'the text'): TextProblem {
  const kind = text.includes('\u0000') ? 'a NUL character' : 'a lone surrogate (not valid Unicode)';
  return { path: path.join('.'), message: `${what} contains ${kind}` };
}
