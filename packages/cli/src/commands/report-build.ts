import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  buildReport,
  entityKey,
  layoutForEdition,
  readNarrativeLines,
  ReportBuildError,
  reportSources,
  suggestEntities,
  type NarrativeRecord,
  type QuestionRecord,
  type Report,
  type ReportLayout,
  type ReportSource,
} from '@freedom-ratings/core';
import { EXIT_OK, UserError } from '../errors.js';
import { failOnErrors, loadScores, readInputBytes } from '../input/load.js';
import { withThousands } from '../output/numbers.js';
import { Progress } from '../progress.js';
import { RENDERERS, type ReportFormat } from './report-render.js';

export interface ReportBuildOptions {
  scores: string;
  texts: string;
  entity?: string;
  edition?: string;
  format: 'json' | ReportFormat;
  layout?: ReportLayout;
  /** Build every country-edition of the narrative file (or those --entity/--edition select) into this directory. */
  out?: string;
}

const EXTENSIONS = { json: 'json', text: 'txt', md: 'md', html: 'html' } as const;

/**
 * `fiw report build`: a full report for one entity and edition from the
 * published scores (either FH spreadsheet, or our JSON) and the narrative
 * JSON Lines file, with the change from the previous edition. Names are
 * matched through the entity registry ("Gambia" finds "The Gambia").
 * With `--out DIR`, every country-edition of the narrative file instead.
 */
export async function reportBuildCommand(options: ReportBuildOptions): Promise<number> {
  const edition = options.edition === undefined ? null : parseEdition(options.edition);
  if (options.out !== undefined) return buildAll(options, options.out, edition);
  if (options.entity === undefined || edition === null)
    throw new UserError('--entity and --edition are required (or --out DIR to build every country-edition)');
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
  const { texts, questions } = await readNarrative(
    options.texts,
    (text) => text.edition === edition && entityKey(text.entity) === key,
  );
  if (texts.length === 0)
    process.stderr.write(
      `fiw: ${basename(options.texts)} has no text for "${options.entity}" in edition ${edition}; the report has figures only\n`,
    );
  const current = records.find((r) => r.edition === edition)!;
  const previous = records.find((r) => r.edition === edition - 1);
  const report = build(scores.file, {
    entity: current.entity,
    kind: current.kind,
    edition,
    current: current.input,
    previous: previous?.input ?? null,
    narrative: texts,
    questions: new Map(questions.filter((q) => q.edition === edition).map((q) => [q.code, q.wording])),
  });
  process.stdout.write(render(report, options));
  return EXIT_OK;
}

function parseEdition(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new UserError(`--edition: expected a year such as 2020, not "${text}"`);
  return Number(text);
}

function build(file: string, source: ReportSource): Report {
  try {
    return buildReport(source);
  } catch (e) {
    if (e instanceof ReportBuildError) throw new UserError(`${file}: ${e.message}`);
    throw e;
  }
}

function render(report: Report, options: ReportBuildOptions): string {
  if (options.format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return RENDERERS[options.format](report, options.layout ?? layoutForEdition(report.edition));
}

/** Every selected country-edition, built in memory first so that a failure writes nothing. */
async function buildAll(options: ReportBuildOptions, dir: string, edition: number | null): Promise<number> {
  const key = options.entity === undefined ? null : entityKey(options.entity);
  const keys = new Map<string, string>();
  const keyOf = (name: string) => keys.get(name) ?? keys.set(name, entityKey(name)).get(name)!;
  const scores = await loadScores(options.scores);
  const { texts, questions } = await readNarrative(
    options.texts,
    (text) => (edition === null || text.edition === edition) && (key === null || keyOf(text.entity) === key),
  );
  const { sources, unmatched } = reportSources(scores.records, texts, questions);
  for (const u of unmatched)
    process.stderr.write(`fiw: ${scores.file} has no scores for "${u.country}" in edition ${u.edition}; not built\n`);
  if (sources.length === 0) throw new UserError(`${basename(options.texts)}: no country-edition to build`);
  const progress = new Progress('building reports', sources.length);
  const files: { name: string; text: string }[] = [];
  sources.forEach((source, i) => {
    const slug = keyOf(source.entity).replace(/[^a-z0-9]+/g, '-');
    files.push({
      name: `${slug}-${source.edition}.${EXTENSIONS[options.format]}`,
      text: render(build(scores.file, source), options),
    });
    progress.update(i + 1);
  });
  progress.done();
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(join(dir, f.name), f.text);
  process.stdout.write(`${withThousands(files.length)} reports written to ${dir}\n`);
  return EXIT_OK;
}

/** The texts of FH's narrative file that `keep` accepts, and its question wordings; a bad line is an input error. */
async function readNarrative(
  path: string,
  keep: (text: NarrativeRecord) => boolean,
): Promise<{ texts: NarrativeRecord[]; questions: QuestionRecord[] }> {
  const { bytes, name } = await readInputBytes(path);
  const { narratives, questions, errors } = readNarrativeLines(bytes.toString('utf8').replace(/^\uFEFF/, ''), name);
  failOnErrors(errors);
  return { texts: narratives.filter(keep), questions };
}
