import { describe, expect, it } from 'vitest';
import { Autosave, saveStateText, type SaveOutcome } from './autosave.js';
import {
  applyEdits,
  fieldsOf,
  parseField,
  scoreField,
  textField,
  type AssessmentPatch,
  type StudioAssessment,
} from './fields.js';
import { webStorageEditStore } from './kept-edits.js';
import { testAssessment } from './test-assessment.js';

/** Web Storage's interface over a Map, standing in for the browser's localStorage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    set: (fn: () => void, _ms: number) => {
      pending.set(next, fn);
      return next++;
    },
    clear: (h: unknown) => void pending.delete(h as number),
    fire: async () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
      await new Promise((r) => setTimeout(r, 0));
    },
    count: () => pending.size,
  };
}

/**
 * The API's save rule for one assessment, in memory: If-Match must name the
 * current version, a save bumps it. `down` drops the connection.
 */
function apiRule(start: StudioAssessment) {
  let current = start;
  const state = { down: false, expired: false, saves: 0 };
  const apply = (a: StudioAssessment, patch: AssessmentPatch): StudioAssessment => {
    const scores = { ...a.scores, ...(patch.scores as Record<string, number> | undefined) };
    let narratives = [...a.narratives];
    for (const n of patch.narratives ?? []) {
      narratives = narratives.filter((x) => !(x.section === n.section && x.code === n.code));
      if (n.body) narratives.push({ section: n.section, code: n.code, body: n.body });
    }
    return {
      ...a,
      version: a.version + 1,
      scores,
      narratives,
      trendArrow: patch.trendArrow === undefined ? a.trendArrow : patch.trendArrow,
    };
  };
  return {
    state,
    current: () => current,
    /** Someone else saves in between. */
    otherSave: (patch: AssessmentPatch) => void (current = apply(current, patch)),
    send: async (patch: AssessmentPatch, version: number): Promise<SaveOutcome> => {
      if (state.down) return { ok: false, status: 0, code: 'unreachable', message: 'The server could not be reached.' };
      if (state.expired) return { ok: false, status: 401, code: 'unauthenticated', message: 'Sign in first.' };
      if (version !== current.version)
        return { ok: false, status: 412, code: 'version-mismatch', message: 'Someone saved in between.' };
      for (const score of Object.values(patch.scores ?? {}))
        if (score! > 4) return { ok: false, status: 400, code: 'invalid-request', message: 'B2: at most 4.' };
      state.saves++;
      current = apply(current, patch);
      return { ok: true, assessment: current };
    },
  };
}

function setUp(start = testAssessment(2), storage = memoryStorage()) {
  const api = apiRule(start);
  const timers = manualTimers();
  const autosave = new Autosave({
    assessment: start,
    store: webStorageEditStore(storage),
    send: api.send,
    fetchLatest: async () => api.current(),
    reason: () => 'draft edits',
    onChange: () => {},
    timers,
  });
  return { api, timers, autosave, storage };
}

describe('autosave', () => {
  it('keeps each edit in storage at once and saves it after a pause, with If-Match', async () => {
    const { api, timers, autosave, storage } = setUp();
    autosave.edit(scoreField('B2'), 3);
    autosave.edit(textField('indicator', 'B2'), 'Opposition gained seats.');
    expect(saveStateText(autosave.state)).toBe('Unsaved — 2 changes kept');
    expect(JSON.parse(storage.items.get('fiw-studio:edits:7')!).edits).toEqual({
      'score:B2': 3,
      'text:indicator:B2': 'Opposition gained seats.',
    });
    await timers.fire();
    expect(autosave.state).toEqual({ kind: 'saved' });
    expect(api.current().version).toBe(4);
    expect(api.current().scores.B2).toBe(3);
    expect(storage.items.size).toBe(0);
    expect(autosave.assessment.version).toBe(4);
  });

  it('an edit put back to its saved value is no longer a change', () => {
    const { autosave } = setUp();
    autosave.edit(scoreField('B2'), 3);
    autosave.edit(scoreField('B2'), 2);
    expect(autosave.count()).toBe(0);
    expect(autosave.state.kind).toBe('saved');
  });

  it('offline: keeps the edits, says so, and saves them when the connection is back', async () => {
    const { api, timers, autosave, storage } = setUp();
    api.state.down = true;
    autosave.edit(scoreField('C1'), 1);
    await timers.fire();
    expect(saveStateText(autosave.state)).toBe('Offline — 1 change kept, saving when back online');
    autosave.edit(scoreField('C2'), 1);
    expect(storage.items.size).toBe(1);
    expect(timers.count()).toBe(1);
    api.state.down = false;
    await autosave.flush();
    expect(autosave.state.kind).toBe('saved');
    expect([api.current().scores.C1, api.current().scores.C2]).toEqual([1, 1]);
  });

  it('edits survive a closed page: a new page finds them and saves them', async () => {
    const storage = memoryStorage();
    const first = setUp(testAssessment(2), storage);
    first.api.state.down = true;
    first.autosave.edit(scoreField('D1'), 4);
    await first.timers.fire();
    first.autosave.dispose();
    const second = setUp(first.api.current(), storage);
    expect(second.autosave.fields()[scoreField('D1')]).toBe(4);
    await second.timers.fire();
    expect(second.api.current().scores.D1).toBe(4);
    expect(storage.items.size).toBe(0);
  });

  it('a save refused because someone else saved shows both versions, field by field, and saves the choice', async () => {
    const { api, timers, autosave } = setUp();
    autosave.edit(scoreField('B2'), 3);
    autosave.edit(scoreField('B3'), 1);
    api.otherSave({ reason: 'theirs', scores: { B2: 4, A1: 0 } });
    await timers.fire();
    const state = autosave.state;
    if (state.kind !== 'conflict') throw new Error(`expected a conflict, got ${state.kind}`);
    expect(state.rows.map((r) => [r.field, r.mine, r.theirs, r.changedByThem])).toEqual([
      ['score:B2', 3, 4, true],
      ['score:B3', 1, 2, false],
    ]);
    expect(api.state.saves).toBe(0);
    expect(() => autosave.resolve({ 'score:B3': 'mine' })).toThrow(/Choose a version of B2/);
    autosave.resolve({ 'score:B2': 'theirs', 'score:B3': 'mine' });
    await new Promise((r) => setTimeout(r, 0));
    expect(autosave.state.kind).toBe('saved');
    expect(api.current().scores).toMatchObject({ A1: 0, B2: 4, B3: 1 });
  });

  it('a session that expired keeps the edits until sign-in, then saves them', async () => {
    const { api, timers, autosave } = setUp();
    api.state.expired = true;
    autosave.edit(scoreField('E1'), 0);
    await timers.fire();
    expect(autosave.state.kind).toBe('signed-out');
    autosave.edit(scoreField('E2'), 0);
    expect(autosave.count()).toBe(2);
    api.state.expired = false;
    await autosave.flush();
    expect(autosave.state.kind).toBe('saved');
    expect(api.current().scores).toMatchObject({ E1: 0, E2: 0 });
  });

  it('a save the API refuses keeps the edits and its message', async () => {
    const { timers, autosave } = setUp();
    autosave.edit(scoreField('B2'), 7);
    await timers.fire();
    expect(autosave.state).toMatchObject({ kind: 'refused', code: 'invalid-request', count: 1 });
    expect(saveStateText(autosave.state)).toMatch(/^Not saved: B2: at most 4\./);
    expect(autosave.fields()[scoreField('B2')]).toBe(7);
  });

  it('typing during a save keeps the newer text and saves it next', async () => {
    const { api, autosave } = setUp();
    autosave.edit(textField('overview'), 'First.');
    const saving = autosave.flush();
    autosave.edit(textField('overview'), 'First. Second.');
    await saving;
    await new Promise((r) => setTimeout(r, 0));
    await autosave.flush();
    expect(api.current().narratives.find((n) => n.section === 'overview')?.body).toBe('First. Second.');
    expect(autosave.state.kind).toBe('saved');
    const fields = applyEdits(fieldsOf(api.current()), autosave.edits());
    expect(Object.keys(fields).filter((k) => parseField(k)?.kind === 'text')).toEqual(['text:overview:']);
  });
});
