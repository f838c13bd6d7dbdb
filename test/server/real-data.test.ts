import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { connect, importFiles, migrateToLatest, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../packages/server/src/build-server.js';
import { dataFile, describeShared } from '../../test-support/shared.js';

/** The public API over Freedom House's real files, imported as published data. */
describeShared('public API on the real data', () => {
  let dir: string;
  let conn: Connection;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiw-real-'));
    conn = connect(join(dir, 'real.db'));
    await migrateToLatest(conn);
    const files = [
      'All_data_FIW_2013-2024.xlsx',
      'Aggregate_Category_and_Subcategory_Scores_FIW_2003-2023.xlsx',
      'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx',
    ].map((f) => ({ name: basename(f), bytes: readFileSync(dataFile(f)) }));
    await importFiles(conn, files);
    app = await buildServer({ conn });
  });
  afterAll(async () => {
    await app?.close();
    await conn?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every edition from 1973 and finds entities by their old names', async () => {
    const editions = (await app.inject({ method: 'GET', url: '/api/v1/editions' })).json().editions;
    expect(editions[0]).toMatchObject({ edition: 1973, label: 'Jan.-Feb. 1973' });
    expect(editions.at(-1)).toMatchObject({ edition: 2025 });
    const zaire = (await app.inject({ method: 'GET', url: '/api/v1/entities?q=Zaire' })).json().entities;
    expect(zaire).toEqual([expect.objectContaining({ id: 'congo-kinshasa', matchedVariant: 'Zaire' })]);
    const ivory = (await app.inject({ method: 'GET', url: '/api/v1/entities?q=ivory%20coast' })).json().entities;
    expect(ivory.map((e: { id: string }) => e.id)).toEqual(['cote-divoire']);
  });

  it('gives Kazakhstan’s history at every granularity FH published', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/entities/KAZ/history' });
    const history = r.json().history as { edition: { edition: number }; figures: { granularity: string } }[];
    const granularities = new Set(history.map((h) => h.figures.granularity));
    expect(granularities).toEqual(new Set(['ratings', 'aggregates', 'subcategories', 'indicators']));
    const at = (e: number) => history.find((h) => h.edition.edition === e)!;
    expect(at(2014).figures).toMatchObject({ status: 'NF', prRating: 6, clRating: 5 });
    expect(r.json().source).toBe('Source: Freedom House, Freedom in the World.');
  });

  it('serves the 2025 ratings table sorted by total, with the change from 2024', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/editions/2025/ratings?sort=total&order=desc' });
    const rows = r.json().rows as { figures: { total: number }; change: { fromEdition: number } | null }[];
    expect(rows).toHaveLength(208);
    expect(rows[0]!.figures.total).toBeGreaterThanOrEqual(rows[1]!.figures.total);
    expect(rows.filter((row) => row.change?.fromEdition === 2024).length).toBeGreaterThan(200);
  });

  it('serves each edition’s frozen release with its checksum', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/editions/2014/export' });
    expect(r.statusCode).toBe(200);
    const checksum = r.headers['x-release-checksum'];
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(r.rawPayload).digest('hex')).toBe(checksum);
    const editions = (await app.inject({ method: 'GET', url: '/api/v1/editions' })).json().editions;
    expect(editions.find((e: { edition: number }) => e.edition === 2014).releaseChecksum).toBe(checksum);
  });
});
