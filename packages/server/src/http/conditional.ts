/**
 * Whether an If-None-Match header names the current ETag. Weak comparison, as
 * RFC 9110 asks for If-None-Match: `W/"x"` matches `"x"`, and `*` matches all.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = stripWeak(etag);
  return header.split(',').some((tag) => stripWeak(tag.trim()) === wanted);
}

/**
 * Whether an If-Match header names the current ETag. Strong comparison (RFC
 * 9110): a weak tag never matches, because If-Match guards writes. `*` (any
 * version at all) matches nothing here: callers refuse it first, since a
 * write must name the version it was based on.
 */
export function matchesIfMatch(header: string, etag: string): boolean {
  return header.split(',').some((tag) => tag.trim() === etag);
}

/** `If-Match: *`, or a list with `*` in it: a condition that names no version. */
export function isIfMatchWildcard(header: string): boolean {
  return header.split(',').some((tag) => tag.trim() === '*');
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
