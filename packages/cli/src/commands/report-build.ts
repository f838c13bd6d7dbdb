import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildReport,
  entityKey,
  layoutForEdition,
  ReportBuildError,
  suggestEntities,
  type NarrativeTableRow,
  type ReportLayout,
} from '@freedom-ratings/core';
import { EXIT_OK, UserError } from '../errors.js';
import { loadScores } from '../input/load.js';
import { RENDERERS, type ReportFormat } from './report-render.js';

export interface ReportBuildOptions {
  scores: string;
  texts: string;
  entity: string;
  edition: string;
  format: 'json' | ReportFormat;
  layout?: ReportLayout;
}

/**
 * `fiw report build`: a full report for one entity and edition from the
 * published scores (either FH spreadsheet, or our JSON) and the narrative
 * JSON Lines file, with the change from the previous edition. Names are
 * matched through the entity registry ("Gambia" finds "The Gambia").
 */
export async function reportBuildCommand(options: ReportBuildOptions): Promise<number> {
  const edition = Number(options.edition);
  if (!/^\d{4}$/.test(options.edition.trim()))
    throw new UserError(`--edition: expected a year such as 2020, not "${options.edition}"`);
  const key = entityKey(options.entity);
  const scores = await loadScores(options.scores);
  const records = scores.records.filter(
    (r) => (r.edition === edition || r.edition === edition - 1) && entityKey(r.entity) === key,
  );
  if (!records.some((r) => r.edition === edition)) {
    const known = suggestEntities(options.entity).map((e) => e.name);
    const hint = known.length ? ` (did you mean ${known.map((k) => `"${k}"`).join(', ')}?)` : '';
    throw new UserError(`${scores.file}: no scores for "${options.entity}" in edition ${edition}${hint}`);
  }
  const rows = await readNarrative(options.texts, (row) => row.edition === edition && entityKey(row.country) === key);
  if (rows.length === 0)
    process.stderr.write(
      `fiw: ${basename(options.texts)} has no text for "${options.entity}" in edition ${edition}; the report has figures only\n`,
    );
  const current = records.find((r) => r.edition === edition)!;
  const previous = records.find((r) => r.edition === edition - 1);
  const source = {
    entity: current.entity,
    kind: current.kind,
    edition,
    current: current.input,
    previous: previous?.input ?? null,
    narrative: rows,
  };
  let report;
  try {
    report = buildReport(source);
  } catch (e) {
    if (e instanceof ReportBuildError) throw new UserError(`${scores.file}: ${e.message}`);
    throw e;
  }
  if (options.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(RENDERERS[options.format](report, options.layout ?? layoutForEdition(edition)));
  return EXIT_OK;
}

/** The narrative rows `keep` accepts; every line must be a JSON object with country, edition, sub_item and detail. */
async function readNarrative(path: string, keep: (row: NarrativeTableRow) => boolean): Promise<NarrativeTableRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const name = basename(path);
  const rows: NarrativeTableRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new UserError(`${name}, line ${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const r = row as Partial<NarrativeTableRow>;
    if (
      typeof row !== 'object' ||
      row === null ||
      typeof r.country !== 'string' ||
      typeof r.edition !== 'number' ||
      typeof r.sub_item !== 'string' ||
      (r.detail !== null && typeof r.detail !== 'string')
    )
      throw new UserError(
        `${name}, line ${i + 1}: expected an object with "country" (text), "edition" (number), "sub_item" (text) and "detail" (text)`,
      );
    if (keep(r as NarrativeTableRow)) rows.push({ ...(r as NarrativeTableRow), detail: r.detail ?? '' });
  }
  return rows;
}
