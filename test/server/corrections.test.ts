import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  exportAssessments,
  exportData,
  findPublishedEdition,
  freezeRelease,
  ImportRefusedError,
  importFiles,
  releaseAssessments,
  releaseCanonical,
} from '@freedom-ratings/db';
import { describeOnBothDialects } from './harness.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeOnBothDialects('corrections to a published edition', (get) => {
  it('serve release 2 by default with its errata log, and release 1 byte for byte on request', async () => {
    const { app, conn } = get();
    await freezeRelease(conn.db, 2024, { now: '2024-03-01T00:00:00.000Z', userId: null });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const first = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=json' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-release']).toBe('1');
    const release1 = first.rawPayload;
    const checksum1 = first.headers['x-release-checksum'];
    expect(checksum1).toBe(sha256(release1));

    // Kazakhstan's B2 one point higher: a published value changes.
    const rows = JSON.parse(release1.toString('utf8')) as { entity: string; indicators?: Record<string, number> }[];
    const kaz = rows.find((r) => r.entity === 'Kazakhstan')!;
    const b2 = kaz.indicators!.B2!;
    kaz.indicators!.B2 = b2 < 4 ? b2 + 1 : b2 - 1;
    const file = { name: 'corrected-2024.json', bytes: Buffer.from(JSON.stringify(rows)) };

    await expect(importFiles(conn, [file])).rejects.toBeInstanceOf(ImportRefusedError);
    const unchanged = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/releases' });
    expect(unchanged.json().releases.map((r: { release: number }) => r.release)).toEqual([1]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/editions/2024/errata' })).json()).toEqual({ errata: [] });

    await importFiles(conn, [file], { correction: { reason: 'B2 was entered from the wrong draft' } });
    // The import ran beside the server, as `fiw import` does: the server notices the new publication within 0.5 s.
    await new Promise((resolve) => setTimeout(resolve, 600));

    const releases = (await app.inject({ method: 'GET', url: '/api/v1/editions/2024/releases' })).json();
    expect(releases.edition).toBe(2024);
    expect(releases.releases).toMatchObject([
      { release: 1, checksum: checksum1, size: release1.length, reason: null, errata: 0, latest: false },
      { release: 2, reason: 'B2 was entered from the wrong draft', latest: true },
    ]);
    expect(releases.releases[1].errata).toBeGreaterThanOrEqual(3); // B2, B, PR, total, and any rating it moved

    const errata = (await app.inject({ method: 'GET', url: '/api/v1/editions/2024/errata' })).json().errata;
    expect(errata[0]).toMatchObject({
      edition: 2024,
      release: 2,
      entity: { id: 'kazakhstan', name: 'Kazakhstan' },
      field: 'B2',
      label: 'B2',
      old: b2,
      new: kaz.indicators!.B2,
      reason: 'B2 was entered from the wrong draft',
      by: null,
    });
    expect(errata.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['B2', 'B', 'PR', 'total']));
    const byEntity = (await app.inject({ method: 'GET', url: '/api/v1/entities/KAZ/errata' })).json().errata;
    expect(byEntity).toEqual(errata);
    expect((await app.inject({ method: 'GET', url: '/api/v1/entities/norway/errata' })).json()).toEqual({ errata: [] });

    // The latest release by default; release 1 exactly as it was, with its own checksum.
    const latest = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=json' });
    expect(latest.headers['x-release']).toBe('2');
    expect(latest.headers['x-release-checksum']).toBe(releases.releases[1].checksum);
    expect(latest.headers['x-release-checksum']).toBe(sha256(latest.rawPayload));
    const old = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=json&release=1' });
    expect(old.statusCode).toBe(200);
    expect(Buffer.compare(old.rawPayload, release1)).toBe(0);
    expect(old.headers['x-release']).toBe('1');
    expect(old.headers['x-release-checksum']).toBe(checksum1);
    expect(old.headers['x-content-sha256']).toBe(checksum1);
    expect(old.headers['content-disposition']).toContain('freedom-ratings-2024-release-1.json');
    const editions = (await app.inject({ method: 'GET', url: '/api/v1/editions' })).json().editions;
    expect(editions.find((e: { edition: number }) => e.edition === 2024)).toMatchObject({
      release: 2,
      releaseChecksum: releases.releases[1].checksum,
    });

    // Asking for what does not exist, or in a form a superseded release does not have, is a clear 4xx.
    // Every format of a superseded release is written from what it froze: release 1's CSV has the old B2.
    const csvOf = async (query: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/editions/2024/export?format=csv${query}` });
      expect(r.statusCode).toBe(200);
      const [header, ...lines] = r.body
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      const row = lines.find((l) => l[0] === 'Kazakhstan')!;
      return { b2: Number(row[header!.indexOf('B2')]), disposition: r.headers['content-disposition'] };
    };
    expect(await csvOf('&release=1')).toEqual({
      b2,
      disposition: 'attachment; filename="freedom-ratings-2024-release-1-indicators.csv"',
    });
    expect((await csvOf('')).b2).toBe(kaz.indicators!.B2);
    expect((await csvOf('&release=2')).b2).toBe(kaz.indicators!.B2);
    const xlsx1 = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=xlsx&release=1' });
    expect(xlsx1.statusCode).toBe(200);
    expect(xlsx1.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=json&release=3' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('there is no release 3');
    const bad = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=json&release=0x1' });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/editions/2025/releases' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/entities/bougainville/errata' })).statusCode).toBe(404);
  });
});

describeOnBothDialects('a release read back from its JSON', (get) => {
  it('exports, in every format, exactly what exporting the published data gives', async () => {
    const { conn } = get();
    await freezeRelease(conn.db, 2024, { now: '2024-03-01T00:00:00.000Z', userId: null });
    const edition = (await findPublishedEdition(conn.db, 2024))!;
    const release = (await releaseCanonical(conn.db, 2024))!;
    const readBack = await releaseAssessments(conn.db, edition, release.canonical);
    const variants = [
      { format: 'json' },
      { format: 'xlsx' },
      { format: 'csv', layout: 'indicators' },
      { format: 'csv', layout: 'subcategories' },
      { format: 'csv', layout: 'ratings', kind: 'country' },
      { format: 'csv', layout: 'ratings', kind: 'territory' },
    ] as const;
    for (const v of variants) {
      const today = (await exportData(conn, { edition: 2024, ...v })).files[0]!.bytes;
      const fromRelease = (await exportAssessments(readBack, v)).files[0]!.bytes;
      expect(Buffer.compare(fromRelease, today), JSON.stringify(v)).toBe(0);
    }
  });
});
