import {
  applyEdits,
  fieldsOf,
  patchOf,
  sameValue,
  valueOf,
  type AssessmentPatch,
  type FieldKey,
  type FieldValue,
  type Fields,
  type StudioAssessment,
} from './fields.js';
import { conflictRows, resolveConflict, type Choice, type ConflictRow } from './conflict.js';
import type { EditStore, KeptEdits } from './kept-edits.js';

/** The outcome of one save as the transport reports it; status 0 is "the server could not be reached". */
export type SaveOutcome =
  | { ok: true; assessment: StudioAssessment }
  | { ok: false; status: number; code: string; message: string; details?: unknown };

/**
 * What the save indicator says. Every state but `saved` holds edits that are
 * kept in the browser until the server has them.
 */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'waiting'; count: number }
  | { kind: 'saving'; count: number }
  | { kind: 'offline'; count: number }
  | { kind: 'signed-out'; count: number }
  | { kind: 'conflict'; count: number; theirs: StudioAssessment; rows: ConflictRow[] }
  | { kind: 'refused'; count: number; code: string; message: string; details?: unknown };

export interface AutosaveOptions {
  assessment: StudioAssessment;
  store: EditStore;
  send(patch: AssessmentPatch, version: number): Promise<SaveOutcome>;
  fetchLatest(): Promise<StudioAssessment>;
  /** The reason recorded in the revision log for the next save. */
  reason(): string;
  onChange(): void;
  /** After a successful save: the server's new version (figures, warnings). */
  onSaved?(assessment: StudioAssessment): void;
  delayMs?: number;
  retryMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const defaultTimers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Autosave for one assessment: edits are kept in the browser at once and
 * sent a moment after typing stops, with If-Match on the version they were
 * made on. A dropped connection keeps them and retries; a refused save
 * (someone else saved) shows both versions field by field; an expired
 * session waits for sign-in. Nothing typed is dropped on any path.
 */
export class Autosave {
  private server: StudioAssessment;
  private kept: KeptEdits;
  private current: SaveState = { kind: 'saved' };
  private timer: unknown = null;
  private inFlight = false;
  private again = false;
  private disposed = false;
  private readonly timers;

  constructor(private readonly options: AutosaveOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.server = options.assessment;
    const stored = options.store.load(options.assessment.id);
    this.kept = stored ?? {
      assessmentId: options.assessment.id,
      baseVersion: options.assessment.version,
      base: {},
      edits: {},
    };
    if (this.count() > 0) {
      // Edits from an earlier visit: show them and save them (a stale base is caught by If-Match).
      this.current = { kind: 'waiting', count: this.count() };
      this.schedule(0);
    }
  }

  /** The saved version this page works on (after a save or a resolved conflict, the newer one). */
  get assessment(): StudioAssessment {
    return this.server;
  }

  get state(): SaveState {
    return this.current;
  }

  /** What the form shows: the saved fields with my unsaved edits over them. */
  fields(): Fields {
    return applyEdits(fieldsOf(this.server), this.kept.edits);
  }

  /** Edits not yet saved. */
  edits(): Fields {
    return this.kept.edits;
  }

  count(): number {
    return Object.keys(this.kept.edits).length;
  }

  edit(field: FieldKey, value: FieldValue): void {
    const edits: Record<FieldKey, FieldValue> = { ...this.kept.edits };
    const base: Record<FieldKey, FieldValue> = { ...this.kept.base };
    if (!(field in base)) base[field] = valueOf(fieldsOf(this.server), field);
    if (sameValue(value, base[field] ?? null)) {
      delete edits[field];
      delete base[field];
    } else {
      edits[field] = value;
    }
    this.keep({ ...this.kept, base, edits });
    if (this.current.kind === 'conflict' || this.current.kind === 'signed-out') {
      this.set({ ...this.current, count: this.count() });
      return;
    }
    this.set(this.count() === 0 && !this.inFlight ? { kind: 'saved' } : { kind: 'waiting', count: this.count() });
    this.schedule(this.options.delayMs ?? 800);
  }

  /** Save now (also after sign-in, or when the browser says it is online again). */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.disposed || this.current.kind === 'conflict') return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const sent = { ...this.kept.edits };
    if (Object.keys(sent).length === 0) {
      this.set({ kind: 'saved' });
      return;
    }
    this.inFlight = true;
    this.set({ kind: 'saving', count: this.count() });
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.send(patchOf(sent, this.options.reason()), this.kept.baseVersion);
    } catch (e) {
      outcome = { ok: false, status: 0, code: 'unreachable', message: e instanceof Error ? e.message : String(e) };
    }
    this.inFlight = false;
    if (this.disposed) return;
    if (outcome.ok) {
      this.saved(sent, outcome.assessment);
    } else {
      await this.failed(outcome);
    }
    if (this.again) {
      this.again = false;
      if (this.current.kind === 'waiting') void this.flush();
    }
  }

  /** Applies the choices made in the conflict view and saves what I kept. */
  resolve(choices: Readonly<Record<FieldKey, Choice | undefined>>): void {
    if (this.current.kind !== 'conflict') return;
    const theirs = this.current.theirs;
    const kept = resolveConflict(this.current.rows, choices, {
      assessmentId: theirs.id,
      version: theirs.version,
      fields: fieldsOf(theirs),
    });
    this.server = theirs;
    this.keep(kept);
    this.set(this.count() === 0 ? { kind: 'saved' } : { kind: 'waiting', count: this.count() });
    this.options.onSaved?.(theirs);
    if (this.count() > 0) void this.flush();
  }

  /**
   * Takes a newer saved version seen elsewhere (after a workflow move) as the
   * base. Only without unsaved edits: with edits, the next save's If-Match
   * decides instead.
   */
  adopt(assessment: StudioAssessment): void {
    if (this.count() > 0 || this.inFlight) return;
    this.server = assessment;
    this.kept = { assessmentId: assessment.id, baseVersion: assessment.version, base: {}, edits: {} };
    this.set({ kind: 'saved' });
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private saved(sent: Fields, assessment: StudioAssessment): void {
    const edits: Record<FieldKey, FieldValue> = { ...this.kept.edits };
    const base: Record<FieldKey, FieldValue> = { ...this.kept.base };
    for (const [field, value] of Object.entries(sent)) {
      if (sameValue(edits[field] ?? null, value)) {
        delete edits[field];
        delete base[field];
      } else {
        // Typed again while the save was under way: the saved value is the new base.
        base[field] = value;
      }
    }
    this.server = assessment;
    this.keep({ assessmentId: assessment.id, baseVersion: assessment.version, base, edits });
    this.options.onSaved?.(assessment);
    if (this.count() === 0) {
      this.set({ kind: 'saved' });
    } else {
      this.set({ kind: 'waiting', count: this.count() });
      this.schedule(0);
    }
  }

  private async failed(outcome: Extract<SaveOutcome, { ok: false }>): Promise<void> {
    const count = this.count();
    if (outcome.status === 0 || outcome.status >= 500) {
      this.set({ kind: 'offline', count });
      this.schedule(this.options.retryMs ?? 5000);
    } else if (outcome.status === 401) {
      this.set({ kind: 'signed-out', count });
    } else if (outcome.code === 'version-mismatch') {
      try {
        const theirs = await this.options.fetchLatest();
        this.set({ kind: 'conflict', count, theirs, rows: conflictRows(this.kept, fieldsOf(theirs)) });
      } catch {
        this.set({ kind: 'offline', count });
        this.schedule(this.options.retryMs ?? 5000);
      }
    } else {
      this.set({ kind: 'refused', count, code: outcome.code, message: outcome.message, details: outcome.details });
    }
  }

  private keep(kept: KeptEdits): void {
    this.kept = kept;
    if (Object.keys(kept.edits).length === 0) this.options.store.clear(kept.assessmentId);
    else this.options.store.save(kept);
  }

  private set(state: SaveState): void {
    this.current = state;
    this.options.onChange();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    if (this.disposed) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}

/** The indicator's words: "Saved", "Saving…", "Offline — 3 changes kept". */
export function saveStateText(state: SaveState): string {
  const kept = (n: number) => `${n} change${n === 1 ? '' : 's'} kept`;
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'waiting':
      return `Unsaved — ${kept(state.count)}`;
    case 'saving':
      return 'Saving…';
    case 'offline':
      return `Offline — ${kept(state.count)}, saving when back online`;
    case 'signed-out':
      return `Signed out — ${kept(state.count)}; sign in to save them`;
    case 'conflict':
      return `Someone else saved — ${kept(state.count)}; choose below`;
    case 'refused':
      return `Not saved: ${state.message} — ${kept(state.count)}`;
  }
}
