import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { formatInputError } from '@freedom-ratings/core';
import {
  connect,
  exportData,
  ImportInputError,
  ImportRefusedError,
  importFiles,
  type ImportFile,
  type ImportSummary,
} from '@freedom-ratings/db';
import { dataFile, describeShared, REPO_ROOT } from '../../test-support/shared.js';
import { describeDialects, type DialectHarness } from './dialect-harness.js';

const INDICATORS_XLSX = 'All_data_FIW_2013-2024.xlsx';
const INDICATORS_CSV = 'All_data_FIW_2013-2024.csv';
const SUBCATEGORIES = 'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx';
const RATINGS = 'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx';
const NARRATIVES = 'fh_country_rating_text.jsonl';
const ALL = [INDICATORS_XLSX, SUBCATEGORIES, RATINGS, NARRATIVES];

const file = (name: string): ImportFile => ({ name, bytes: readFileSync(dataFile(name)) });

async function runImport(target: string, files: ImportFile[], asDraft = false): Promise<ImportSummary> {
  const conn = connect(target);
  try {
    return await importFiles(conn, files, { asDraft });
  } finally {
    await conn.close();
  }
}

/** The messages an import fails with, formatted as the CLI prints them. */
async function importErrors(target: string, files: ImportFile[], asDraft = false): Promise<string> {
  try {
    await runImport(target, files, asDraft);
  } catch (e) {
    if (e instanceof ImportInputError) return e.errors.map(formatInputError).join('\n');
    if (e instanceof ImportRefusedError) return e.message;
    throw e;
  }
  throw new Error('the import succeeded');
}

/** A copy of FH's indicator CSV with one edit, the kind of damage a hand-edited file has. */
function editedCsv(name: string, edit: (lines: string[]) => void): ImportFile {
  const lines = readFileSync(dataFile(INDICATORS_CSV), 'utf8').split('\n');
  edit(lines);
  return { name, bytes: Buffer.from(lines.join('\n')) };
}

function lineOf(lines: string[], prefix: string): number {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i === -1) throw new Error(`no line starts with ${prefix}`);
  return i;
}

function importSuite(h: DialectHarness) {
  let target: string;
  let first: ImportSummary;

  beforeAll(async () => {
    target = await h.fresh();
    first = await runImport(target, ALL.map(file));
  });

  it('imports the three spreadsheets and the narratives in one run', () => {
    expect(first.changed).toBe(true);
    // The registry's seed (migration 0007) already holds every entity FH rated.
    expect(first.entities.added).toBe(0);
    expect(first.editions.added).toBe(52);
    expect(first.assessments.byGranularity).toEqual({
      indicators: 2723,
      subcategories: 1454,
      aggregates: 618,
      ratings: 5170,
    });
    expect(first.narratives).toBe(35280);
    // South Africa 1973's split cells are read as their first figure and reported.
    expect(first.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/South Africa Jan\.-Feb\. 1973: PR "2\(5\)"/),
      expect.stringMatching(/South Africa Jan\.-Feb\. 1973: CL "3\(6\)"/),
      expect.stringMatching(/South Africa Jan\.-Feb\. 1973: Status "F \(NF\)"/),
      // An engine warning on FH's own figures is stored as published and reported.
      expect.stringMatching(/^Luxembourg 2003: PR is 44, above its maximum of 40$/),
    ]);
    // FH's known inconsistency: Kosovo 2006–2007 stated totals and ratings disagree with the scores.
    const kosovo = first.conflicts.filter((c) => c.entity === 'Kosovo');
    expect(new Set(kosovo.map((c) => c.edition))).toEqual(new Set([2006, 2007]));
    expect(kosovo).toContainEqual(
      expect.objectContaining({
        edition: 2007,
        field: 'Status',
        kind: 'between-files',
        other: { file: RATINGS, value: 'NF' },
      }),
    );
  });

  it('stores published editions with their FH labels and the question wording from the texts', async () => {
    const conn = connect(target);
    try {
      const e1983 = await conn.db
        .selectFrom('editions')
        .selectAll()
        .where('edition', '=', 1983)
        .executeTakeFirstOrThrow();
      expect(e1983).toMatchObject({ label: '1983-84', state: 'published', year_under_review: 1983 });
      const states = await conn.db.selectFrom('assessments').select('state').distinct().execute();
      expect(states).toEqual([{ state: 'published' }]);
      const q = await conn.db
        .selectFrom('questions')
        .selectAll()
        .where('edition', '=', 2024)
        .where('code', '=', 'A1')
        .executeTakeFirstOrThrow();
      expect(q.wording).toMatch(/head of government/i);
      const southAfrica = await conn.db
        .selectFrom('assessments')
        .select(['pr_rating', 'cl_rating', 'status', 'source_note'])
        .where('entity_id', '=', 'south-africa')
        .where('edition', '=', 1973)
        .executeTakeFirstOrThrow();
      expect(southAfrica).toMatchObject({ pr_rating: 2, cl_rating: 3, status: 'F' });
      expect(southAfrica.source_note).toMatch(/2\(5\)/);
      // Each published edition gets a release whose checksum is that of its JSON export.
      expect(first.releases).toBe(52);
      const e2014 = await conn.db
        .selectFrom('editions')
        .selectAll()
        .where('edition', '=', 2014)
        .executeTakeFirstOrThrow();
      const json = (await exportData(conn, { format: 'json', edition: 2014 })).files[0]!.bytes;
      expect(e2014.release_checksum).toBe(createHash('sha256').update(json).digest('hex'));
    } finally {
      await conn.close();
    }
  });

  it('changes nothing, and says so, when the same files are imported again', async () => {
    const before = await h.snapshot(target);
    const again = await runImport(target, [file(INDICATORS_CSV), ...ALL.map(file)]);
    expect(again.changed).toBe(false);
    expect(again.assessments.created + again.assessments.updated).toBe(0);
    expect(await h.snapshot(target)).toBe(before);
  });

  it('exports the indicator layout as CSV equal, cell for cell, to the source', async () => {
    const conn = connect(target);
    try {
      const { files } = await exportData(conn, { format: 'csv' });
      const ours = files[0]!.bytes.toString('utf8').trimEnd().split('\n');
      const source = readFileSync(dataFile(INDICATORS_CSV), 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(/\r?\n/);
      expect(ours.length).toBe(source.length);
      for (let i = 0; i < source.length; i++)
        expect(ours[i]!.split(','), `line ${i + 1}`).toEqual(source[i]!.split(','));
    } finally {
      await conn.close();
    }
  });

  it('exports a data package, our JSON and an XLSX that imports back unchanged', async () => {
    const conn = connect(target);
    let xlsx: Buffer;
    let json: Buffer;
    try {
      const pkg = await exportData(conn, { format: 'datapackage' });
      const descriptor = JSON.parse(pkg.files.find((f) => f.path === 'datapackage.json')!.bytes.toString('utf8'));
      expect(descriptor.sources[0].title).toBe('Source: Freedom House, Freedom in the World');
      expect(descriptor.licenses).toHaveLength(1);
      for (const r of descriptor.resources) {
        const csv = pkg.files.find((f) => f.path === r.path)!.bytes.toString('utf8');
        expect(csv.split('\n')[0]).toBe(r.schema.fields.map((f: { name: string }) => f.name).join(','));
      }
      const ratings = pkg.files.find((f) => f.path === 'data/ratings.csv')!.bytes.toString('utf8');
      expect(ratings).toContain('kazakhstan,Kazakhstan,2014,country,Eurasia,indicators,NF,6,5,5.5,');
      xlsx = (await exportData(conn, { format: 'xlsx' })).files[0]!.bytes;
      json = (await exportData(conn, { format: 'json' })).files[0]!.bytes;
    } finally {
      await conn.close();
    }
    const copy = await h.fresh();
    const back = await runImport(copy, [{ name: 'ours.xlsx', bytes: xlsx }]);
    expect(back.assessments.created).toBe(9965);
    expect(back.conflicts).toEqual([]);
    const conn2 = connect(copy);
    try {
      const again = (await exportData(conn2, { format: 'json' })).files[0]!.bytes.toString('utf8');
      const strip = (text: string) =>
        (JSON.parse(text) as { narrative?: unknown }[]).map(({ narrative: _, ...rest }) => rest);
      expect(strip(again)).toEqual(strip(json.toString('utf8')));
    } finally {
      await conn2.close();
    }
    // Our JSON carries the texts too: db's import reads it itself, and gives back the same bytes.
    const viaJson = await h.fresh();
    const conn3 = connect(viaJson);
    try {
      await importFiles(conn3, [{ name: 'ours.json', bytes: json }]);
      expect((await exportData(conn3, { format: 'json' })).files[0]!.bytes.equals(json)).toBe(true);
    } finally {
      await conn3.close();
    }
  });

  it.each([
    [
      'an unknown entity name, with the closest known names',
      () => [
        editedCsv(
          'renamed.csv',
          (l) => (l[lineOf(l, 'Kazakhstan,')] = l[lineOf(l, 'Kazakhstan,')]!.replace('Kazakhstan', 'Kazakstan')),
        ),
      ],
      /renamed\.csv, line \d+, column 1 \("Country\/Territory"\): unknown country or territory "Kazakstan"; did you mean "Kazakhstan"/,
    ],
    [
      'a score out of range',
      () => [editedCsv('range.csv', (l) => (l[1] = l[1]!.replace(/^(Abkhazia,Eurasia,t,2025,PF,5,5,)2,/, '$15,')))],
      /range\.csv, line 2, column 8 \("A1"\): 5 is out of range/,
    ],
    [
      'a duplicated row with different figures',
      () => [
        editedCsv('dupe.csv', (l) => l.splice(3, 0, l[1]!.replace(/^(Abkhazia,Eurasia,t,2025,PF,5,5,)2,/, '$13,'))),
      ],
      /dupe\.csv, line 4: duplicate row for Abkhazia 2025 \(first at line 2\)/,
    ],
    [
      'a subcategory total above its maximum',
      () => {
        const lines = readFileSync(
          dataFile('Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023_FIW06-23.csv'),
          'utf8',
        ).split('\n');
        lines[1] = lines[1]!.replace(/^(Abkhazia,Eurasia,t,2023,PF,5,5,)5,/, '$113,');
        return [{ name: 'subcategories.csv', bytes: Buffer.from(lines.join('\n')) }];
      },
      /subcategories\.csv, line 2, column 8 \("A"\): Abkhazia 2023: A is 13, above its maximum of 12/,
    ],
    [
      'an assessment in our JSON without any scores',
      () => [{ name: 'ours.json', bytes: Buffer.from('[\n  {"entity": "Chile", "edition": 2014}\n]\n') }],
      /ours\.json, line 2: Chile 2014: no scores or ratings/,
    ],
    [
      'the wrong type of file',
      () => [{ name: 'report.pdf', bytes: Buffer.from('%PDF-1.7\n\u0000\u0001binary') }],
      /report\.pdf: not a CSV, XLSX, ODS or JSON file/,
    ],
    [
      'a truncated XLSX',
      () => {
        const bytes = readFileSync(dataFile(INDICATORS_XLSX));
        return [{ name: 'truncated.xlsx', bytes: bytes.subarray(0, Math.floor(bytes.length / 2)) }];
      },
      /truncated\.xlsx: not a complete XLSX file/,
    ],
    [
      'one bad file among good ones',
      () => [file(INDICATORS_CSV), editedCsv('range.csv', (l) => (l[5] = l[5]!.replace(/,(\d+),(\d+)$/, ',$1,x')))],
      /range\.csv, line 6, column 44 \("Total"\): "x" is not a whole number/,
    ],
  ])('rejects %s with file, row and column, and changes nothing', async (_what, files, message) => {
    const before = await h.snapshot(target);
    expect(await importErrors(target, files())).toMatch(message);
    expect(await h.snapshot(target)).toBe(before);
  });

  it('leaves the database as it was when the import process is killed (kill -9) mid-write', async () => {
    const victim = await h.fresh();
    const before = await h.snapshot(victim);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'test/db/import-child.ts'), victim, ...ALL.map(dataFile)],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('writing')) child.kill('SIGKILL');
    });
    const signal = await exit;
    expect(err).toBe('');
    expect(out).toBe('writing\n');
    expect(signal).toBe('SIGKILL');
    expect(await h.snapshot(victim)).toBe(before);
    const conn = connect(victim);
    try {
      const n = await conn.db
        .selectFrom('assessments')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
      if (h.dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(conn.db);
        expect(check.rows[0]!.integrity_check).toBe('ok');
      }
    } finally {
      await conn.close();
    }
    // And the same import then succeeds.
    expect((await runImport(victim, [file(INDICATORS_XLSX)])).assessments.created).toBe(2723);
  });

  it('imports --as-draft into open editions, never exports drafts, and keeps published and draft apart', async () => {
    const drafts = await h.fresh();
    const summary = await runImport(drafts, [file(INDICATORS_CSV)], true);
    expect(summary.assessments.created).toBe(2723);
    const conn = connect(drafts);
    try {
      const states = await conn.db.selectFrom('editions').select('state').distinct().execute();
      expect(states).toEqual([{ state: 'open' }]);
      const exported = await exportData(conn, { format: 'json' });
      expect(exported.assessments).toBe(0);
    } finally {
      await conn.close();
    }
    expect(await importErrors(drafts, [file(INDICATORS_CSV)])).toMatch(/edition 2013 is open in the studio/);
    const before = await h.snapshot(target);
    expect(await importErrors(target, [file(INDICATORS_CSV)], true)).toMatch(/edition 2013 is published; --as-draft/);
    expect(await h.snapshot(target)).toBe(before);
  });

  it('refuses texts for an entity-edition that has no scores', async () => {
    const empty = await h.fresh();
    const before = await h.snapshot(empty);
    expect(await importErrors(empty, [file(NARRATIVES)])).toMatch(
      /fh_country_rating_text\.jsonl, line 1: texts for Afghanistan 2018 but no scores or ratings/,
    );
    expect(await h.snapshot(empty)).toBe(before);
  });
}

describeShared('import and export of FH data', () => {
  describeDialects('import and export', importSuite);
});
