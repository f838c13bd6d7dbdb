import { readFile, writeFile } from 'node:fs/promises';
import {
  EDITIONS,
  editionInfo,
  formatBand,
  LATEST_EDITION,
  methodologyFor,
  methodologyForNewEdition,
  resolveEdition,
  type Methodology,
  type MethodologyProblem,
} from '@freedom-ratings/core';
import { readMethodology } from '@freedom-ratings/contract';
import { EXIT_INPUT, EXIT_OK, UserError } from '../errors.js';

export interface MethodologyOptions {
  format: 'text' | 'json';
  db?: string | true;
}

/** The edition key a user typed (2014, "1983-84", or a year after the built-in editions such as 2027). */
function editionKey(text: string): number {
  const info = resolveEdition(text);
  if (info) return info.edition;
  if (/^\d{4}$/.test(text.trim())) return Number(text);
  throw new UserError(
    `unknown edition "${text}"; known editions: ${EDITIONS[0]!.label} … ${LATEST_EDITION} (see \`fiw methodology list\`)`,
  );
}

/** The methodology an edition names: in the database with --db, else the built-in one. */
async function methodologyOfEdition(edition: number, db: string | true | undefined): Promise<Methodology> {
  if (db !== undefined) {
    const { withDatabase } = await import('./db.js');
    const { methodologyOfEdition: stored } = await import('@freedom-ratings/db');
    const found = await withDatabase(db, (conn) => stored(conn.db, edition));
    if (found) return found;
    throw new UserError(
      `no methodology for edition ${edition} in the database (\`fiw methodology new ${edition} --from … --db\` makes one)`,
    );
  }
  const m = methodologyFor(edition);
  if (!m)
    throw new UserError(
      `unknown edition "${edition}"; known editions: ${EDITIONS[0]!.label} … ${LATEST_EDITION} (see \`fiw methodology list\`; editions opened in a database: --db)`,
    );
  return m;
}

const asFile = (m: Methodology) => JSON.stringify(m, null, 2) + '\n';

/** `fiw methodology show [EDITION]`: the rules in force for an edition; as JSON, exactly a methodology file. */
export async function methodologyShowCommand(
  editionText: string | undefined,
  options: MethodologyOptions,
): Promise<number> {
  const edition = editionText === undefined ? LATEST_EDITION : editionKey(editionText);
  const m = await methodologyOfEdition(edition, options.db);
  if (options.format === 'json') process.stdout.write(asFile(m));
  else process.stdout.write(describeMethodology(m, edition) + '\n');
  return EXIT_OK;
}

/** `fiw methodology list`: every edition with its label, period under review and methodology. */
export function methodologyListCommand(options: MethodologyOptions): number {
  if (options.format === 'json') {
    process.stdout.write(
      JSON.stringify(
        EDITIONS.map((e) => ({ ...e, methodology: { id: methodologyFor(e.edition)!.id, version: 1 } })),
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  const lines = EDITIONS.map((e) => {
    const m = methodologyFor(e.edition)!;
    return `${String(e.edition).padEnd(6)}${e.label.padEnd(16)}${e.periodStart} – ${e.periodEnd}  ${(m.scored ? 'scores' : 'ratings only').padEnd(14)}${m.id}`;
  });
  process.stdout.write(
    ['key   label           period under review        data          methodology', ...lines].join('\n') + '\n',
  );
  return EXIT_OK;
}

/** A methodology file read and checked; every problem with its JSON path, or the methodology. */
export async function readMethodologyFile(
  path: string,
): Promise<{ methodology: Methodology | null; problems: MethodologyProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      methodology: null,
      problems: [{ path: '$', code: 'shape', message: `not JSON: ${(e as Error).message}` }],
    };
  }
  return readMethodology(json);
}

function printProblems(path: string, problems: readonly MethodologyProblem[], format: 'text' | 'json'): void {
  if (format === 'json') process.stdout.write(JSON.stringify({ file: path, valid: false, problems }, null, 2) + '\n');
  else {
    for (const p of problems) process.stderr.write(`${path}: ${p.path}: ${p.message}\n`);
    process.stderr.write(
      `${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; not a valid methodology\n`,
    );
  }
}

const summary = (m: Methodology) =>
  `${m.id} version ${m.version}, ${m.name}: ${m.categories.length} categories, ${m.categories.reduce((n, c) => n + c.subcategories.reduce((k, s) => k + s.indicators.length, 0), 0)} indicators, editions ${m.editions.join(', ')}`;

/** `fiw methodology validate FILE`: every problem with its JSON path; exit 2 when invalid. */
export async function methodologyValidateCommand(path: string, options: MethodologyOptions): Promise<number> {
  const { methodology, problems } = await readMethodologyFile(path);
  if (!methodology) {
    printProblems(path, problems, options.format);
    return EXIT_INPUT;
  }
  if (options.format === 'json')
    process.stdout.write(
      JSON.stringify({ file: path, valid: true, id: methodology.id, version: methodology.version }, null, 2) + '\n',
    );
  else process.stdout.write(`${path}: valid: ${summary(methodology)}\n`);
  return EXIT_OK;
}

/** `fiw methodology load FILE`: a valid file into the database; a version in use by a published edition is never changed. */
export async function methodologyLoadCommand(path: string, options: { db?: string | true }): Promise<number> {
  const { methodology, problems } = await readMethodologyFile(path);
  if (!methodology) {
    printProblems(path, problems, 'text');
    return EXIT_INPUT;
  }
  const { withDatabase } = await import('./db.js');
  const { storeMethodology } = await import('@freedom-ratings/db');
  const stored = await withDatabase(options.db, (conn) => storeMethodology(conn, methodology));
  process.stdout.write(`${path}: ${stored.message}\n`);
  return EXIT_OK;
}

export interface MethodologyNewOptions {
  from: string;
  id?: string;
  out?: string;
  db?: string | true;
}

/** `fiw methodology new EDITION --from EDITION`: a new edition's methodology as a copy of an earlier one's. */
export async function methodologyNewCommand(editionText: string, options: MethodologyNewOptions): Promise<number> {
  const edition = Number(editionText);
  if (!/^\d{4}$/.test(editionText.trim()) || edition > 2100)
    throw new UserError(`the new edition must be a year such as 2027, got "${editionText}"`);
  const from = editionKey(options.from);
  const created = methodologyForNewEdition(await methodologyOfEdition(from, options.db), edition, options.id);
  const checked = readMethodology(created);
  if (!checked.methodology) {
    printProblems(`new ${edition}`, checked.problems, 'text');
    return EXIT_INPUT;
  }
  if (options.out) await writeFile(options.out, asFile(created));
  if (options.db !== undefined) {
    const { withDatabase } = await import('./db.js');
    const { storeMethodology } = await import('@freedom-ratings/db');
    const stored = await withDatabase(options.db, (conn) => storeMethodology(conn, created));
    process.stdout.write(`${stored.message}\n`);
  } else if (!options.out) process.stdout.write(asFile(created));
  return EXIT_OK;
}

function describeMethodology(m: Methodology, edition: number): string {
  const info = editionInfo(edition);
  const out: string[] = [
    `Freedom in the World ${info?.label ?? edition}: ${m.name} (${m.id} version ${m.version})`,
    info ? `Period under review: ${info.periodStart} to ${info.periodEnd}` : `Edition ${edition}`,
    '',
  ];
  if (!m.scored) {
    out.push('Scores: none published. Editions before FIW 2003 used a different, unpublished checklist;');
    out.push('only the 1–7 ratings and the status are recorded.');
  } else {
    const indicators = m.categories.flatMap((c) => c.subcategories.flatMap((s) => s.indicators));
    const scales = [...new Set(indicators.map((i) => `0–${i.max}`))].join(', ');
    out.push(
      `Checklist: ${indicators.length} indicators scored ${scales}${m.checklist ? ` (${m.checklist === 'fiw-2018' ? 'FIW 2018 wording' : m.checklist === 'fiw-2003' ? 'FIW 2003–2017 wording' : m.checklist})` : ''}`,
    );
    for (const cat of m.categories) {
      out.push(`  ${cat.name} (${cat.code}), max ${cat.max}`);
      for (const s of cat.subcategories) {
        out.push(`    ${s.code}. ${s.name} (max ${s.max})`);
        for (const i of s.indicators) out.push(`       ${i.code}  ${i.title}`);
      }
    }
    out.push('', 'Discretionary questions:');
    for (const q of m.discretionary)
      out.push(
        `  ${q.label}: ${q.effect} ${q.min}–${q.max} ${q.effect === 'adds' ? 'to' : 'from'} ${q.category}. ${q.summary}`,
      );
    if (!m.discretionary.some((q) => q.code === 'addA') && m.categories.some((c) => c.code === 'PR'))
      out.push('  Add A: eliminated in FIW 2018.');
    if (m.discretionary.length === 0) out.push('  none');
    out.push('', 'Rating bands:', `  rating  ${m.categories.map((c) => `${c.code} score`.padEnd(14)).join('')}`);
    const rows = Math.max(...m.categories.map((c) => c.bands.length));
    for (let i = 0; i < rows; i++)
      out.push(
        `  ${String(i + 1).padEnd(8)}${m.categories
          .map((c) => (c.bands[i] ? formatBand(c.bands[i]!) : '').padEnd(14))
          .join('')
          .trimEnd()}`,
      );
  }
  const ratings = m.categories.map((c) => `${c.code} rating`).join(' + ');
  out.push('', `Freedom Rating = (${ratings}) / ${m.categories.length}`, 'Status:');
  const s = m.status;
  if (s.kind === 'stated') out.push(`  ${s.note}`);
  else if (s.kind === 'total-score')
    out.push(`  From the total score: Free from ${s.freeMin}; Partly Free from ${s.partlyFreeMin}; Not Free below`);
  else {
    out.push(
      `  Free: ${s.freeMax.toFixed(1)} or better; Partly Free: up to ${s.partlyFreeMax.toFixed(1)}; Not Free: worse`,
    );
    if (s.kind === 'freedom-rating-with-raw-points') out.push(`  ${s.note}`);
  }
  out.push('', 'Electoral democracy:');
  const e = m.electoralDemocracy;
  out.push(e.kind === 'undetermined' ? `  Undetermined. ${e.note}` : `  ${e.note}`);
  out.push('', 'Trend arrows:', `  ${m.trendArrow.note}`);
  return out.join('\n');
}
