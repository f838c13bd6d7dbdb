import type { PublishedEdition } from '../../api/client.js';

export interface Citation {
  text: string;
  bibtex: string;
}

/**
 * A ready citation of one release: it names the edition, its period under
 * review, the release's number and SHA-256, so a reader can tell exactly which
 * figures were used, and keeps Freedom House's attribution.
 */
export function citation(e: PublishedEdition, origin: string): Citation {
  // The address pins the release, so the citation still finds the cited figures after a correction.
  const url = `${origin}/api/v1/editions/${e.edition}/export?format=json${e.release ? `&release=${e.release}` : ''}`;
  const published = e.publishedAt ? e.publishedAt.slice(0, 10) : null;
  const release = e.releaseChecksum
    ? `release ${e.release ?? 1}, SHA-256 ${e.releaseChecksum}`
    : 'release not yet frozen';
  const title = `Freedom in the World ${e.label}: ratings and scores`;
  const text = [
    `Freedom House, ${title} (period under review ${e.periodStart} to ${e.periodEnd}),`,
    `${release}${published ? `, published ${published}` : ''}.`,
    `Retrieved from ${url}.`,
    'Source: Freedom House, Freedom in the World.',
  ].join(' ');
  const key = `fiw${e.edition}${e.releaseChecksum ? `_r${e.release ?? 1}_${e.releaseChecksum.slice(0, 8)}` : ''}`;
  const bibtex = [
    `@misc{${key},`,
    `  author = {{Freedom House}},`,
    `  title = {${title}},`,
    `  year = {${e.edition}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note = {Period under review ${e.periodStart} to ${e.periodEnd}; ${release}${published ? `; published ${published}` : ''}. Source: Freedom House, Freedom in the World},`,
    `}`,
  ].join('\n');
  return { text, bibtex };
}
