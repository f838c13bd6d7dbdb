import { formatFreedomRating, formatScore, STATUS_NAMES } from '@freedom-ratings/core';
import type { CountryReport } from '../../api/client.js';

/** What a shared link previews: title and Open Graph description of a country page. */
export interface PageHead {
  title: string;
  description: string;
}

function headline(r: CountryReport): string {
  const f = r.figures;
  const status = f.status ? STATUS_NAMES[f.status] : `Freedom Rating ${formatFreedomRating(f.freedomRating)}`;
  const figure = f.total !== null ? `${formatScore(f.total)}/100` : `PR ${f.prRating}, CL ${f.clRating}`;
  return `${status}, ${figure}`;
}

/** "Kazakhstan — Not Free, 23/100 (FIW 2024)"; ratings-only editions give the two ratings instead. */
export function countryPageHead(r: CountryReport): PageHead {
  const f = r.figures;
  if (f.categories) return indexPageHead(r, f.categories);
  const parts = [
    `Freedom in the World ${r.edition.label}: ${r.entity.name} (${r.entity.kind}) is ${headline(r)}.`,
    f.pr !== null && f.cl !== null ? `Political Rights ${formatScore(f.pr)}/40, Civil Liberties ${f.cl}/60.` : null,
    `Political Rights rating ${f.prRating}, Civil Liberties rating ${f.clRating} (1 = most free).`,
    'Source: Freedom House, Freedom in the World.',
  ];
  return {
    title: `${r.entity.name} — ${headline(r)} (FIW ${r.edition.label})`,
    description: parts.filter(Boolean).join(' '),
  };
}

/** "Norway — Partly Free, 109/200 (2030, civic-index)": an edition of another methodology, in its own categories. */
function indexPageHead(r: CountryReport, categories: NonNullable<CountryReport['figures']['categories']>): PageHead {
  const f = r.figures;
  const max = categories.reduce((sum, c) => sum + c.max, 0);
  const status = f.status ? STATUS_NAMES[f.status] : 'status not determined';
  const figure = f.total !== null ? `, ${formatScore(f.total)}/${max}` : '';
  const parts = categories.map((c) => `${c.name} ${c.score ?? '—'}/${c.max} (rating ${c.rating})`);
  return {
    title: `${r.entity.name} — ${status}${figure} (${r.edition.label}, ${r.edition.methodology})`,
    description: `${r.edition.methodology} ${r.edition.label}: ${r.entity.name} (${r.entity.kind}) is ${status}${figure}. ${parts.join('; ')}.`,
  };
}
