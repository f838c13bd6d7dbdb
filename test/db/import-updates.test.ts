import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  connect,
  ImportRefusedError,
  importFiles,
  CorrectionReasonMissingError,
  releaseCanonical,
  releasesOf,
  type ImportFile,
  type ImportOptions,
} from '@freedom-ratings/db';
import { dataFile, describeShared } from '../../test-support/shared.js';
import { describeDialects, type DialectHarness } from './dialect-harness.js';

const file = (name: string): ImportFile => ({ name, bytes: readFileSync(dataFile(name)) });

async function run(target: string, files: ImportFile[], options: ImportOptions = {}) {
  const conn = connect(target);
  try {
    return await importFiles(conn, files, options);
  } finally {
    await conn.close();
  }
}

/** What a database holds that a refused import must leave as it was. */
async function snapshot(target: string) {
  const conn = connect(target);
  try {
    const count = async (table: 'revisions' | 'releases' | 'errata' | 'import_runs' | 'scores') =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(conn.db)).rows[0]!.n);
    return {
      revisions: await count('revisions'),
      releases: await count('releases'),
      errata: await count('errata'),
      runs: await count('import_runs'),
      scores: await count('scores'),
    };
  } finally {
    await conn.close();
  }
}

function updatesSuite(h: DialectHarness) {
  it('keeps indicator data when a less detailed file comes later, and reports where they disagree', async () => {
    const db = await h.fresh();
    await run(db, [file('All_data_FIW_2013-2024.csv')]);
    const later = await run(db, [file('Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx')]);
    expect(later.assessments.keptMoreDetailed).toBe(2515);
    const conn = connect(db);
    try {
      const g = await conn.db
        .selectFrom('assessments')
        .select(['granularity', 'source', 'version'])
        .where('entity_id', '=', 'kazakhstan')
        .where('edition', '=', 2014)
        .executeTakeFirstOrThrow();
      expect(g).toEqual({ granularity: 'indicators', source: 'All_data_FIW_2013-2024.csv', version: 1 });
    } finally {
      await conn.close();
    }
  });

  it('refuses to change a published edition unless told it is a correction; with a reason, makes release 2 with its errata and keeps release 1 byte for byte', async () => {
    const db = await h.fresh();
    await run(db, [file('All_data_FIW_2013-2024.csv')]);
    const lines = readFileSync(dataFile('All_data_FIW_2013-2024.csv'), 'utf8').split('\n');
    // Abkhazia 2025: A1 2 → 3 (and A, PR, Total follow, as FH's file would state them).
    lines[1] = lines[1]!.replace(/^Abkhazia,Eurasia,t,2025,PF,5,5,2,2,1,5,/, 'Abkhazia,Eurasia,t,2025,PF,5,5,3,2,1,6,');
    lines[1] = lines[1]!.replace(/,0,N\/A,17,/, ',0,N/A,18,').replace(/,22,39$/, ',22,40');
    const correctedFile = { name: 'corrected.csv', bytes: Buffer.from(lines.join('\n')) };
    const conn = connect(db);
    try {
      const release1 = (await releaseCanonical(conn.db, 2025))!;
      expect(release1.release).toBe(1);
      const before = await snapshot(db);

      // Without --correct: refused, naming every value it would change; nothing stored.
      const refused = await run(db, [correctedFile]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ImportRefusedError);
      const message = (refused as Error).message;
      expect(message).toContain('Edition 2025 is published (release 1); this import would change 6 published values:');
      expect(message).toContain('Abkhazia, A1: 2 → 3');
      expect(message).toContain('Abkhazia, Political Rights: 17 → 18');
      expect(message).toContain('--correct --reason');
      expect(await snapshot(db)).toEqual(before);

      // A correction without a reason: refused, nothing stored.
      const reasonless = await run(db, [correctedFile], { correction: { reason: '  ' } }).catch((e: unknown) => e);
      expect(reasonless).toBeInstanceOf(CorrectionReasonMissingError);
      expect(await snapshot(db)).toEqual(before);

      // With a reason: only the changed assessment, logged with the reason; a new release with an errata entry per value.
      const corrected = await run(db, [correctedFile], { correction: { reason: 'A1 was mistyped' } });
      expect(corrected.assessments).toMatchObject({ created: 0, updated: 1, unchanged: 2722 });
      expect(corrected.releases).toBe(1);
      expect(corrected.corrected.map((c) => [c.edition, c.release, c.changes.length])).toEqual([[2025, 2, 6]]);
      const a = await conn.db
        .selectFrom('assessments')
        .select(['id', 'version', 'source'])
        .where('entity_id', '=', 'abkhazia')
        .where('edition', '=', 2025)
        .executeTakeFirstOrThrow();
      expect(a.version).toBe(2);
      expect(a.source).toBe('corrected.csv');
      const log = await conn.db
        .selectFrom('revisions')
        .select(['field', 'old_value', 'new_value', 'reason', 'version'])
        .where('assessment_id', '=', a.id)
        .where('version', '=', 2)
        .execute();
      expect(log).toEqual([
        {
          field: 'score:A1',
          old_value: '2',
          new_value: '3',
          reason: 'import of corrected.csv: A1 was mistyped',
          version: 2,
        },
      ]);
      const releases = await releasesOf(conn.db, 2025);
      expect(releases.map((r) => [r.release, r.reason, r.errata])).toEqual([
        [1, null, 0],
        [2, 'A1 was mistyped', 6],
      ]);
      const errata = await conn.db
        .selectFrom('errata')
        .select(['entity_id', 'field', 'old_value', 'new_value'])
        .orderBy('id')
        .execute();
      expect(errata).toEqual([
        { entity_id: 'abkhazia', field: 'A1', old_value: '2', new_value: '3' },
        { entity_id: 'abkhazia', field: 'A', old_value: '5', new_value: '6' },
        { entity_id: 'abkhazia', field: 'PR', old_value: '17', new_value: '18' },
        { entity_id: 'abkhazia', field: 'total', old_value: '39', new_value: '40' },
        ...errata.slice(4),
      ]);
      // Release 1 is still there byte for byte, with its checksum; the latest is release 2.
      const again = (await releaseCanonical(conn.db, 2025, 1))!;
      expect(again).toEqual(release1);
      expect(createHash('sha256').update(again.canonical).digest('hex')).toBe(release1.checksum);
      const latest = (await releaseCanonical(conn.db, 2025))!;
      expect(latest.release).toBe(2);
      expect(latest.checksum).not.toBe(release1.checksum);
      // The errata log is append-only.
      await expect(sql`delete from errata`.execute(conn.db)).rejects.toThrow(/append-only/);
      // The same corrected file again changes nothing and makes no release.
      const repeat = await run(db, [correctedFile], { correction: { reason: 'again' } });
      expect(repeat.changed).toBe(false);
      expect((await releasesOf(conn.db, 2025)).length).toBe(2);
    } finally {
      await conn.close();
    }
  });
}

describeShared('re-importing changed and less detailed data', () => {
  describeDialects('re-import', updatesSuite);
});
