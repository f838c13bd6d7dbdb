import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importFiles } from '@freedom-ratings/db';
import { REPO_ROOT } from '../../test-support/shared.js';
import { describeOnBothDialects } from './harness.js';

/** The example indicator rows, renamed: Arcadia in FIW 2023, then its successors in FIW 2024. */
function splitCsv(): Buffer {
  const [header, arcadia, borduria, syldavia] = readFileSync(join(REPO_ROOT, 'examples/indicators.csv'), 'utf8').split(
    '\n',
  );
  return Buffer.from(
    [
      header,
      arcadia!.replace('Arcadia,Europe,c,2024', 'Arcadia,Europe,c,2023'),
      arcadia!
        .replace('Arcadia,Europe,c,2024', 'West Arcadia,Europe,c,2024')
        .replace(',4,4,4,12,', ',3,4,4,11,')
        .replace(',38,', ',37,')
        .replace(',93', ',92'),
      borduria!.replace('Borduria,Eurasia,c,2024', 'East Arcadia,Europe,c,2024'),
      syldavia,
    ].join('\n'),
  );
}

describeOnBothDialects('the entity registry through the studio API', (get) => {
  it('lets an admin add, split and rename entities; history and change follow the split', async () => {
    const { conn } = get();
    const admin = await get().login('admin');
    for (const name of ['Arcadia', 'West Arcadia', 'East Arcadia']) {
      const r = await admin.request('POST', '/api/v1/studio/entities', { name, kind: 'country', region: 'Europe' });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Added, but nothing published: the public does not see them.
    expect((await get().app.inject({ url: '/api/v1/entities/arcadia/history' })).statusCode).toBe(404);
    await importFiles(conn, [{ name: 'split.csv', bytes: splitCsv() }], { addUnknown: true });

    const split = await admin.request('POST', '/api/v1/studio/entity-successions', {
      kind: 'split',
      from: ['arcadia'],
      to: ['West Arcadia', 'east-arcadia'],
      edition: 2024,
      continuing: 'west-arcadia',
    });
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().successions).toEqual([
      { edition: 2024, kind: 'split', from: 'arcadia', to: 'west-arcadia', continues: true },
      { edition: 2024, kind: 'split', from: 'arcadia', to: 'east-arcadia', continues: false },
    ]);

    const west = (await get().app.inject({ url: '/api/v1/entities/west-arcadia/history' })).json();
    expect(west.history.map((h: { edition: { edition: number } }) => h.edition.edition)).toEqual([2023, 2024]);
    expect(west.history[0].ratedAs).toMatchObject({ id: 'arcadia', name: 'Arcadia' });
    expect(west.history[1].ratedAs).toBeUndefined();
    expect(west.history[1].change).toMatchObject({ fromEdition: 2023, total: -1, pr: -1 });
    expect(
      west.successions.map((s: { from: { id: string }; to: { id: string } }) => `${s.from.id}>${s.to.id}`),
    ).toEqual(['arcadia>east-arcadia', 'arcadia>west-arcadia']);
    const east = (await get().app.inject({ url: '/api/v1/entities/east-arcadia/history' })).json();
    expect(east.history).toHaveLength(1);
    expect(east.history[0].change).toBeNull();

    const table = (await get().app.inject({ url: '/api/v1/editions/2024/ratings' })).json();
    const row = (id: string) => table.rows.find((r: { entity: { id: string } }) => r.entity.id === id);
    expect(row('west-arcadia').change).toMatchObject({ fromEdition: 2023, total: -1 });
    expect(row('east-arcadia').change).toBeNull();
    const report = (await get().app.inject({ url: '/api/v1/entities/west-arcadia/reports/2024' })).json();
    expect(report.change).toMatchObject({ fromEdition: 2023, total: -1 });
    // The studio shows Arcadia's FIW 2023 beside West Arcadia's FIW 2024.
    const { id } = await conn.db
      .selectFrom('assessments')
      .select('id')
      .where('entity_id', '=', 'west-arcadia')
      .where('edition', '=', 2024)
      .executeTakeFirstOrThrow();
    const studio = await admin.request('GET', `/api/v1/studio/assessments/${id}`);
    expect(studio.statusCode, studio.body).toBe(200);
    expect(studio.json().previous).toMatchObject({ edition: 2023 });

    // A rename from 2025 on: the public sees the new name at once, and the old one still finds it.
    const renamed = await admin.request('PUT', '/api/v1/studio/entities/west-arcadia/name', {
      name: 'Westmark',
      fromEdition: 2025,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Westmark',
      formerNames: [{ name: 'West Arcadia', untilEdition: 2024 }],
    });
    const found = (await get().app.inject({ url: '/api/v1/entities?q=west%20arcadia' })).json();
    expect(found.entities).toEqual([
      expect.objectContaining({ id: 'west-arcadia', name: 'Westmark', matchedVariant: 'West Arcadia' }),
    ]);
    expect((await get().app.inject({ url: '/api/v1/entities/west-arcadia/history' })).json().entity.name).toBe(
      'Westmark',
    );
  });

  it('refuses a duplicate code or name with 409 naming the field, and stores nothing', async () => {
    const { conn } = get();
    const admin = await get().login('admin');
    const count = async () =>
      (await conn.db.selectFrom('entities').select('id').execute()).length +
      (await conn.db.selectFrom('entity_changes').select('id').execute()).length;
    const before = await count();
    const taken = await admin.request('POST', '/api/v1/studio/entities', {
      name: 'Borduria',
      kind: 'country',
      region: 'Europe',
      code: 'KAZ',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toEqual({
      code: 'registry-conflict',
      message: 'code "KAZ" is already used by Kazakhstan',
      details: {
        problems: [{ field: 'code', subject: 'borduria', message: 'code "KAZ" is already used by Kazakhstan' }],
      },
    });
    const name = await admin.request('POST', '/api/v1/studio/entities', {
      name: 'Norway',
      kind: 'country',
      region: 'Europe',
    });
    expect(name.statusCode).toBe(409);
    expect(name.json().error.details.problems.map((p: { field: string }) => p.field)).toEqual(['id', 'name']);
    const missing = await admin.request('PUT', '/api/v1/studio/entities/atlantis/name', { name: 'X' });
    expect(missing.statusCode).toBe(404);
    const bad = await admin.request('POST', '/api/v1/studio/entities', { name: 'Y', kind: 'planet', region: 'Europe' });
    expect(bad.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets only admins change the registry; editors read it', async () => {
    const editor = await get().login('editor');
    const analyst = await get().login('analyst');
    const add = { name: 'Ruritania', kind: 'country', region: 'Europe' };
    expect((await editor.request('POST', '/api/v1/studio/entities', add)).statusCode).toBe(403);
    expect((await analyst.request('GET', '/api/v1/studio/entities')).statusCode).toBe(403);
    const listed = await editor.request('GET', '/api/v1/studio/entities');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().entities.find((e: { id: string }) => e.id === 'kosovo')).toMatchObject({
      code: 'XKX',
      firstEdition: 1993,
      lastEdition: null,
      addedAt: null,
    });
    expect(listed.json().entities.find((e: { id: string }) => e.id === 'ussr')).toMatchObject({
      firstEdition: 1973,
      lastEdition: 1990,
    });
    expect(listed.json().entities.some((e: { id: string }) => e.id === 'ruritania')).toBe(false);
    expect((await get().app.inject({ method: 'POST', url: '/api/v1/studio/entities', payload: add })).statusCode).toBe(
      401,
    );
  });
});
