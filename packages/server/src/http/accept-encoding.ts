/**
 * Picks brotli, gzip or no compression from an Accept-Encoding header,
 * honouring q-values (`gzip;q=0` refuses gzip) and `*`.
 */
export function preferredEncoding(header: string | string[] | undefined): 'br' | 'gzip' | 'identity' {
  if (!header) return 'identity';
  const text = Array.isArray(header) ? header.join(',') : header;
  const weights = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}
