import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { connect, importFiles, type ImportFile } from '@freedom-ratings/db';
import { dataFile, describeShared } from '../../test-support/shared.js';
import { describeDialects, type DialectHarness } from './dialect-harness.js';

const file = (name: string): ImportFile => ({ name, bytes: readFileSync(dataFile(name)) });

async function run(target: string, files: ImportFile[]) {
  const conn = connect(target);
  try {
    return await importFiles(conn, files);
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

  it('updates only what a corrected file changes and logs old → new with the reason', async () => {
    const db = await h.fresh();
    await run(db, [file('All_data_FIW_2013-2024.csv')]);
    const lines = readFileSync(dataFile('All_data_FIW_2013-2024.csv'), 'utf8').split('\n');
    // Abkhazia 2025: A1 2 → 3 (and A, PR, Total follow, as FH's file would state them).
    lines[1] = lines[1]!.replace(/^Abkhazia,Eurasia,t,2025,PF,5,5,2,2,1,5,/, 'Abkhazia,Eurasia,t,2025,PF,5,5,3,2,1,6,');
    lines[1] = lines[1]!.replace(/,0,N\/A,17,/, ',0,N/A,18,').replace(/,22,39$/, ',22,40');
    const corrected = await run(db, [{ name: 'corrected.csv', bytes: Buffer.from(lines.join('\n')) }]);
    expect(corrected.assessments).toMatchObject({ created: 0, updated: 1, unchanged: 2722 });
    const conn = connect(db);
    try {
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
        { field: 'score:A1', old_value: '2', new_value: '3', reason: 'import of corrected.csv', version: 2 },
      ]);
      const runs = await sql<{ n: number }>`select count(*) as n from import_runs`.execute(conn.db);
      expect(Number(runs.rows[0]!.n)).toBe(2);
    } finally {
      await conn.close();
    }
  });
}

describeShared('re-importing changed and less detailed data', () => {
  describeDialects('re-import', updatesSuite);
});
