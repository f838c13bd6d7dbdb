import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnBothDialects } from './harness.js';

/**
 * Issue 11, Corrections: a correction to a published assessment goes through
 * the workflow — proposed, returned with a note, resubmitted, approved by
 * someone else, published by an editor — and only its publication changes
 * what the public sees: as release 2, with an errata entry per changed value,
 * while release 1 stays as it was.
 */
describeOnBothDialects('corrections in the studio', (get) => {
  it('go from proposal through review to release 2 with its errata; the public sees nothing before', async () => {
    const { app, conn, fixture } = get();
    const { id } = await conn.db
      .selectFrom('assessments')
      .select('id')
      .where('entity_id', '=', 'chile')
      .where('edition', '=', 2024)
      .executeTakeFirstOrThrow();
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from corrections`.execute(conn.db)).rows[0]!.n);
    const report = async () => (await app.inject({ method: 'GET', url: '/api/v1/entities/chile/reports/2024' })).json();
    const published = await report();
    const oldA1: number = published.figures.indicators.A1;
    const newA1 = oldA1 === 4 ? 3 : oldA1 + 1;
    const editor = await get().login('editor');
    const reviewer = await get().login('reviewer');
    const analyst = await get().login('analyst');
    const url = `/api/v1/studio/assessments/${id}/corrections`;

    // Refusals store nothing: no reason, no change, not published, not assigned.
    const noReason = await editor.request('POST', url, { scores: { A1: newA1 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason');
    const blank = await editor.request('POST', url, { reason: '   ', scores: { A1: newA1 } });
    expect(blank.statusCode).toBe(400);
    const same = await editor.request('POST', url, { reason: 'no change', scores: { A1: oldA1 } });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.code).toBe('no-change');
    const open = await editor.request('POST', `/api/v1/studio/assessments/${fixture.open.kazakhstan}/corrections`, {
      reason: 'a draft',
      scores: { A1: 2 },
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('not-published');
    expect((await analyst.request('POST', url, { reason: 'not mine', scores: { A1: newA1 } })).statusCode).toBe(403);
    const outOfRange = await editor.request('POST', url, { reason: 'typo', scores: { A1: 9 } });
    expect(outOfRange.statusCode).toBe(400);
    expect(await count()).toBe(0);

    // Proposed: a preview of what it changes; the public sees the published figures.
    const proposed = await editor.request('POST', url, { reason: 'A1 was misread', scores: { A1: newA1 } });
    expect(proposed.statusCode).toBe(201);
    const c = proposed.json();
    expect(c).toMatchObject({ assessmentId: id, edition: 2024, state: 'submitted', reason: 'A1 was misread' });
    expect(c.entity.id).toBe('chile');
    expect(c.changes[0]).toEqual({ field: 'A1', label: 'A1', old: oldA1, new: newA1 });
    expect(c.changes.map((x: { field: string }) => x.field)).toEqual(expect.arrayContaining(['A', 'PR', 'total']));
    expect((await report()).figures.indicators.A1).toBe(oldA1);
    const cid = `/api/v1/studio/corrections/${c.id}`;

    // Nobody reviews their own correction; returning needs a note.
    expect((await editor.request('POST', `${cid}/workflow`, { action: 'approve' })).statusCode).toBe(403);
    expect((await reviewer.request('POST', `${cid}/workflow`, { action: 'return' })).statusCode).toBe(400);
    const returned = await reviewer.request('POST', `${cid}/workflow`, { action: 'return', note: 'cite the source' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', note: 'cite the source' });
    expect((await editor.request('POST', `${cid}/publish`)).statusCode).toBe(409);

    const resubmitted = await editor.request('PUT', cid, {
      reason: 'A1 was misread (checked against the election commission’s record)',
      scores: { A1: newA1 },
    });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json()).toMatchObject({ state: 'submitted', note: null });
    const approved = await reviewer.request('POST', `${cid}/workflow`, { action: 'approve' });
    expect(approved.json().state).toBe('approved');
    expect((await reviewer.request('POST', `${cid}/publish`)).statusCode).toBe(403);
    expect((await report()).figures.indicators.A1).toBe(oldA1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/editions/2024/errata' })).json().errata).toEqual([]);

    // Published: release 2, its errata in the public log, release 1 as it was.
    const out = await editor.request('POST', `${cid}/publish`);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ release: 2, correction: { state: 'published', release: 2 } });
    expect(out.json().errata).toBeGreaterThanOrEqual(4);
    expect((await report()).figures.indicators.A1).toBe(newA1);
    const errata = (await app.inject({ method: 'GET', url: '/api/v1/editions/2024/errata' })).json().errata;
    expect(errata[0]).toMatchObject({
      release: 2,
      entity: { id: 'chile' },
      field: 'A1',
      old: oldA1,
      new: newA1,
      reason: 'A1 was misread (checked against the election commission’s record)',
      by: 'editor',
    });
    const releases = (await app.inject({ method: 'GET', url: '/api/v1/editions/2024/releases' })).json().releases;
    expect(releases.map((r: { release: number; reason: string | null }) => [r.release, r.reason])).toEqual([
      [1, null],
      [2, 'A1 was misread (checked against the election commission’s record)'],
    ]);
    const release1 = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=json&release=1' });
    const chile1 = (JSON.parse(release1.body) as { entity: string; indicators: Record<string, number> }[]).find(
      (a) => a.entity === 'Chile',
    )!;
    expect(chile1.indicators.A1).toBe(oldA1);
    expect(release1.headers['x-release-checksum']).toBe(releases[0].checksum);
    // The revision log says why.
    const log = await editor.request('GET', `/api/v1/studio/assessments/${id}/revisions`);
    expect(JSON.stringify(log.json())).toContain(`correction ${c.id}: A1 was misread`);
    // Done once: publishing again is refused; the analyst sees none of it.
    expect((await editor.request('POST', `${cid}/publish`)).statusCode).toBe(409);
    expect((await analyst.request('GET', '/api/v1/studio/corrections')).json()).toEqual({ corrections: [] });
    expect((await analyst.request('GET', cid)).statusCode).toBe(404);
    const listed = (await reviewer.request('GET', '/api/v1/studio/corrections?edition=2024&state=published')).json();
    expect(listed.corrections.map((x: { id: number }) => x.id)).toEqual([c.id]);
    expect(listed.corrections[0].changes[0]).toMatchObject({ field: 'A1', old: oldA1, new: newA1 });
  });
});
