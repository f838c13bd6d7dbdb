import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPublishedFigures,
  connect,
  exportAssessments,
  exportData,
  findPublishedEdition,
  importFiles,
  loadPublishedFigures,
  migrateToLatest,
  PUBLISHED_FIGURES_INPUTS,
  publishedForExport,
  publishedFiguresFile,
  PublishedFiguresFileError,
  readPublishedFigures,
  releaseAssessments,
  releaseCanonical,
  releasesOf,
  type Connection,
  type ImportFile,
} from '@freedom-ratings/db';
import { dataFile, describeShared } from '../../test-support/shared.js';
import { describeDialects } from './dialect-harness.js';

const spreadsheets = (): ImportFile[] =>
  PUBLISHED_FIGURES_INPUTS.map((name) => ({ name, bytes: readFileSync(dataFile(name)) }));

async function withConnection<T>(target: string, work: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = connect(target);
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}

/**
 * Every published assessment as the public API and exports see it, keyed by
 * entity and edition: the stored inputs (without ids and timestamps), the
 * scores, and every figure the engine derives from them.
 */
async function publishedRows(conn: Connection): Promise<Map<string, unknown>> {
  const rows = new Map<string, unknown>();
  for (const a of await publishedForExport(conn.db)) {
    const { id: _id, created_at: _c, updated_at: _u, ...row } = a.row;
    rows.set(`${a.entity.id} ${a.edition.edition}`, {
      entity: a.entity,
      row,
      scores: a.scores,
      figures: a.assessed.figures,
      narratives: a.narratives,
    });
  }
  return rows;
}

/** Editions without their timestamps, and the checksum of each one's release. */
async function publishedEditions(conn: Connection): Promise<unknown[]> {
  const editions = await conn.db.selectFrom('editions').selectAll().orderBy('edition').execute();
  return editions.map(({ created_at: _c, published_at: _p, ...e }) => e);
}

describe('the bundled published figures', () => {
  it('name their three source files with SHA-256, carry the attribution and cover FIW 1973–2025', () => {
    const { document, merged } = readPublishedFigures(readFileSync(publishedFiguresFile()), 'seed');
    expect(document.attribution).toBe('Source: Freedom House, Freedom in the World');
    expect(document.sources.map((s) => s.file)).toEqual([...PUBLISHED_FIGURES_INPUTS]);
    for (const s of document.sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.editions).toEqual({ first: 1973, last: 2025, count: 52 });
    const levels = merged.assessments.reduce<Record<string, number>>((n, a) => {
      n[a.granularity] = (n[a.granularity] ?? 0) + 1;
      return n;
    }, {});
    expect(levels).toEqual({ indicators: 2723, subcategories: 1454, aggregates: 618, ratings: 5170 });
    // Numbers only: no narrative text, no question wording.
    expect(merged.narratives.size).toBe(0);
    expect(merged.questions).toEqual([]);
  });

  describe('a damaged file', () => {
    let dir: string;
    let conn: Connection;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fiw-seed-bad-'));
      conn = connect(join(dir, 'bad.db'));
      await migrateToLatest(conn);
    });
    afterAll(async () => {
      await conn.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const rejects = async (name: string, bytes: Uint8Array, message: RegExp) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const error = await loadPublishedFigures(conn, { file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PublishedFiguresFileError);
      expect((error as Error).message).toMatch(message);
      const n = await conn.db
        .selectFrom('assessments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    };
    const compressed = (value: unknown) => brotliCompressSync(Buffer.from(JSON.stringify(value)));

    it('is refused with its name and nothing is loaded', async () => {
      await rejects(
        'truncated.json.br',
        readFileSync(publishedFiguresFile()).subarray(0, 1000),
        /^truncated\.json\.br: /,
      );
      await rejects('other.json.br', compressed({ format: 'something else' }), /not a published-figures file/);
      const good = JSON.parse(brotliDecompressSync(readFileSync(publishedFiguresFile())).toString('utf8')) as {
        assessments: { entity: string; input: { indicators?: Record<string, number> } }[];
      };
      const unknown = structuredClone(good);
      unknown.assessments[5]!.entity = 'atlantis';
      await rejects('unknown.json.br', compressed(unknown), /assessment 6 \(atlantis 2025\): unknown entity/);
      const outOfRange = structuredClone(good);
      outOfRange.assessments[0]!.input.indicators!.A1 = 9;
      await rejects('range.json.br', compressed(outOfRange), /assessment 1 \(abkhazia 2025\): .*A1/);
    }, 120_000);
  });
});

describeShared('the bundled published figures against FH’s spreadsheets', () => {
  it('are what the generator makes from the spreadsheets, byte for byte', () => {
    const made = buildPublishedFigures(spreadsheets());
    const committed = readFileSync(publishedFiguresFile());
    // If this fails, run: npx tsx packages/db/scripts/generate-published-figures.ts
    expect(Buffer.from(made).equals(committed)).toBe(true);
  });

  it('record the SHA-256 of the spreadsheets in ../shared', () => {
    const { document } = readPublishedFigures(readFileSync(publishedFiguresFile()), 'seed');
    for (const s of document.sources) {
      const bytes = readFileSync(dataFile(s.file));
      expect({
        file: s.file,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.byteLength,
      }).toEqual({ file: s.file, sha256: s.sha256, bytes: s.bytes });
    }
  });

  describeDialects('loaded into a new database', (h) => {
    let reference: Map<string, unknown>;
    let referenceEditions: unknown[];
    let seeded: string;
    let load: Awaited<ReturnType<typeof loadPublishedFigures>>;

    beforeAll(async () => {
      // The reference: FH's three spreadsheets imported, as `fiw import` does.
      const imported = await h.fresh();
      await withConnection(imported, async (conn) => {
        await importFiles(conn, spreadsheets());
        reference = await publishedRows(conn);
        referenceEditions = await publishedEditions(conn);
      });
      seeded = await h.fresh();
      load = await withConnection(seeded, (conn) => loadPublishedFigures(conn));
    }, 240_000);

    it('hold every assessment an import of the spreadsheets gives, figure for figure', async () => {
      expect(load.summary.changed).toBe(true);
      expect(load.summary.assessments.created).toBe(9965);
      expect(load.summary.releases).toBe(52);
      const rows = await withConnection(seeded, publishedRows);
      expect(rows.size).toBe(reference.size);
      for (const [key, row] of rows) expect(row, key).toEqual(reference.get(key));
    });

    it('publish the same editions with the same release checksums as the import', async () => {
      expect(await withConnection(seeded, publishedEditions)).toEqual(referenceEditions);
    });

    it('read back from each edition’s release, export every layout exactly as the stored data does', async () => {
      await withConnection(seeded, async (conn) => {
        for (const edition of [1973, 1983, 2004, 2010, 2024, 2025]) {
          const frozen = (await releaseCanonical(conn.db, edition))!;
          const readBack = await releaseAssessments(
            conn.db,
            (await findPublishedEdition(conn.db, edition))!,
            frozen.canonical,
          );
          for (const v of [
            { format: 'xlsx' },
            { format: 'csv', layout: 'indicators' },
            { format: 'csv', layout: 'subcategories' },
            { format: 'csv', layout: 'ratings', kind: 'country' },
            { format: 'csv', layout: 'ratings', kind: 'territory' },
          ] as const) {
            const today = (await exportData(conn, { edition, ...v })).files[0]!.bytes;
            const fromRelease = (await exportAssessments(readBack, v)).files[0]!.bytes;
            expect(Buffer.compare(fromRelease, today), `${edition} ${JSON.stringify(v)}`).toBe(0);
          }
        }
      });
    }, 120_000);

    it('take FH’s spreadsheets on top without a change, and the narratives as added texts', async () => {
      const again = await withConnection(seeded, (conn) => importFiles(conn, spreadsheets()));
      expect(again.changed).toBe(false);
      expect(again.assessments.unchanged).toBe(9965);
      const reseed = await withConnection(seeded, (conn) => loadPublishedFigures(conn));
      expect(reseed.summary.changed).toBe(false);
      // The texts take a minute on PostgreSQL; the import code they go through is the same on both.
      if (h.dialect === 'postgres') return;
      const texts = await withConnection(seeded, (conn) =>
        importFiles(conn, [
          { name: 'fh_country_rating_text.jsonl', bytes: readFileSync(dataFile('fh_country_rating_text.jsonl')) },
        ]),
      );
      expect(texts.changed).toBe(true);
      expect(texts.narratives).toBe(35280);
      expect(texts.assessments.created).toBe(0);
      // Texts added to published editions are a new release of each, saying so, with no errata: nothing published changed.
      expect(texts.corrected).toEqual([]);
      const releases = await withConnection(seeded, (conn) => releasesOf(conn.db, 2024));
      expect(releases.map((r) => [r.release, r.errata])).toEqual([
        [1, 0],
        [2, 0],
      ]);
      expect(releases[1]!.reason).toBe('import of fh_country_rating_text.jsonl: additions only');
    }, 120_000);
  });
});
