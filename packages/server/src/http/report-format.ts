import type { FastifyRequest } from 'fastify';

export type ReportRepresentation = 'json' | 'text' | 'markdown' | 'html';

export const REPORT_CONTENT_TYPES: Record<ReportRepresentation, string> = {
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const BY_MEDIA_TYPE: Record<string, ReportRepresentation> = {
  'application/json': 'json',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
};

/**
 * `?format=` wins; otherwise the first media type of Accept we can make, by
 * q-value; otherwise JSON (also for `*∕*` and no Accept at all).
 */
export function reportRepresentation(
  request: FastifyRequest,
  format: ReportRepresentation | undefined,
): ReportRepresentation {
  if (format) return format;
  const accept = request.headers.accept;
  if (!accept) return 'json';
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    const found = BY_MEDIA_TYPE[r.type];
    if (found) return found;
  }
  return 'json';
}
