import { expect, it } from 'vitest';
import { OPEN_EDITION } from './fixture.js';
import { describeOnBothDialects } from './harness.js';

const PAST = '2020-01-31';
const FUTURE = '2999-12-31';
const base = `/api/v1/studio/editions/${OPEN_EDITION}`;

interface Assigned {
  id: number;
  name: string;
  role: string;
  deadline: string | null;
  overdue: boolean;
}

/**
 * Each assignment has a deadline, set by the editor when assigning one
 * assessment or a region; the analyst's dashboard and the edition board show
 * it, with overdue derived from the deadline and the assessment's state.
 */
describeOnBothDialects('assignment deadlines', (get) => {
  it('bulk assignment sets the analyst’s and the reviewer’s deadlines; dashboards and the board show them', async () => {
    const { fixture } = get();
    const editor = await get().login('editor');
    const assign = await editor.request('POST', `${base}/assignments`, {
      region: 'Eurasia',
      analystId: fixture.users.analyst.id,
      reviewerId: fixture.users.reviewer.id,
      analystDeadline: PAST,
      reviewerDeadline: FUTURE,
    });
    expect(assign.json()).toEqual({ assigned: 1 });

    const analyst = await get().login('analyst');
    const mine = (await analyst.request('GET', '/api/v1/studio/assignments')).json().assessments;
    // Kazakhstan is a draft: the analyst's part is still to do and the deadline has passed.
    expect(mine.find((a: { id: number }) => a.id === fixture.open.kazakhstan)).toMatchObject({
      deadline: PAST,
      overdue: true,
    });
    const reviewer = await get().login('reviewer');
    const theirs = (await reviewer.request('GET', '/api/v1/studio/assignments')).json().assessments;
    expect(theirs.find((a: { id: number }) => a.id === fixture.open.kazakhstan)).toMatchObject({
      deadline: FUTURE,
      overdue: false,
    });

    const board = (await editor.request('GET', `${base}/board`)).json();
    const kaz = board.assessments.find((a: { id: number }) => a.id === fixture.open.kazakhstan);
    expect(kaz.assignees).toEqual(
      expect.arrayContaining([
        { id: fixture.users.analyst.id, name: 'analyst', role: 'analyst', deadline: PAST, overdue: true },
        { id: fixture.users.reviewer.id, name: 'reviewer', role: 'reviewer', deadline: FUTURE, overdue: false },
      ]),
    );
    // Without deadlines, assignments have none.
    await editor.request('POST', `${base}/assignments`, {
      region: 'Americas',
      analystId: fixture.users.otherAnalyst.id,
      reviewerId: null,
    });
    const after = (await editor.request('GET', `${base}/board`)).json();
    const chile = after.assessments.find((a: { id: number }) => a.id === fixture.open.chile);
    expect(chile.assignees).toEqual([expect.objectContaining({ deadline: null, overdue: false })]);
  });

  it('an editor assigns one assessment with deadlines; overdue follows whose part is still to do', async () => {
    const { fixture } = get();
    const editor = await get().login('editor');
    const id = fixture.open.norway!; // submitted: the analyst is done, the reviewer is not
    const r = await editor.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
      assignees: [
        { userId: fixture.users.analyst.id, deadline: PAST },
        { userId: fixture.users.reviewer.id, deadline: PAST },
      ],
    });
    expect(r.statusCode).toBe(200);
    const byRole = Object.fromEntries((r.json().assignees as Assigned[]).map((a) => [a.role, a]));
    expect(byRole.analyst).toMatchObject({ deadline: PAST, overdue: false });
    expect(byRole.reviewer).toMatchObject({ deadline: PAST, overdue: true });

    const reviewer = await get().login('reviewer');
    const queue = (await reviewer.request('GET', '/api/v1/studio/assignments')).json().assessments;
    expect(queue.find((a: { id: number }) => a.id === id)).toMatchObject({ deadline: PAST, overdue: true });
  });

  it('refuses an impossible date or a person listed twice, and changes nothing', async () => {
    const { fixture } = get();
    const editor = await get().login('editor');
    const id = fixture.open.tibet!;
    const before = (await editor.request('GET', `${base}/board`)).json();
    const tibetBefore = before.assessments.find((a: { id: number }) => a.id === id).assignees;

    const bad = await editor.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
      assignees: [{ userId: fixture.users.analyst.id, deadline: '2026-02-30' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-request');
    expect(bad.json().error.message).toMatch(/assignees\.0\.deadline/);
    const twice = await editor.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, {
      assignees: [{ userId: fixture.users.analyst.id }, { userId: fixture.users.analyst.id, deadline: FUTURE }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toMatch(/listed twice/);
    const bulkBad = await editor.request('POST', `${base}/assignments`, {
      region: 'Asia',
      analystId: fixture.users.analyst.id,
      reviewerId: null,
      analystDeadline: '31/01/2026',
    });
    expect(bulkBad.statusCode).toBe(400);
    expect(bulkBad.json().error.message).toMatch(/analystDeadline/);

    const after = (await editor.request('GET', `${base}/board`)).json();
    expect(after.assessments.find((a: { id: number }) => a.id === id).assignees).toEqual(tibetBefore);
    const asia = after.assessments.filter((a: { region: string }) => a.region === 'Asia');
    const asiaBefore = before.assessments.filter((a: { region: string }) => a.region === 'Asia');
    expect(asia.map((a: { assignees: unknown }) => a.assignees)).toEqual(
      asiaBefore.map((a: { assignees: unknown }) => a.assignees),
    );
  });

  it('only editors (and admins) assign', async () => {
    const { fixture } = get();
    const id = fixture.open.kazakhstan!;
    const body = { assignees: [{ userId: fixture.users.analyst.id, deadline: FUTURE }] };
    for (const role of ['analyst', 'reviewer'] as const) {
      const r = await (await get().login(role)).request('PUT', `/api/v1/studio/assessments/${id}/assignees`, body);
      expect(r.statusCode, role).toBe(403);
    }
    const admin = await get().login('admin');
    expect((await admin.request('PUT', `/api/v1/studio/assessments/${id}/assignees`, body)).statusCode).toBe(200);
  });
});
