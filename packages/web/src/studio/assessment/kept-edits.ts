import type { Fields } from './fields.js';

/**
 * Edits not yet saved, kept in the browser so that a dropped connection, a
 * closed tab or an expired session loses nothing. `base` holds, for every
 * edited field, its value in the version the edits were made on: it is what
 * tells "they changed it too" from "only I did" when a save is refused.
 */
export interface KeptEdits {
  assessmentId: number;
  /** The version the edits apply to; sent back as If-Match. */
  baseVersion: number;
  base: Fields;
  edits: Fields;
}

/** Where kept edits live; `localStorage` in the browser. */
export interface EditStore {
  load(assessmentId: number): KeptEdits | null;
  save(kept: KeptEdits): void;
  clear(assessmentId: number): void;
}

/** The part of the Web Storage interface the store uses (`localStorage` has it). */
export interface WebStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY_PREFIX = 'fiw-studio:edits:';

function isKeptEdits(value: unknown, assessmentId: number): value is KeptEdits {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<KeptEdits>;
  return (
    v.assessmentId === assessmentId &&
    Number.isInteger(v.baseVersion) &&
    typeof v.base === 'object' &&
    v.base !== null &&
    typeof v.edits === 'object' &&
    v.edits !== null
  );
}

/**
 * Kept edits in Web Storage, one entry per assessment. A full or unavailable
 * storage (private windows) throws on write; the edits then live only in the
 * page, and `save` says so by returning false rather than losing the page.
 */
export function webStorageEditStore(storage: WebStorage) {
  return {
    load(assessmentId: number): KeptEdits | null {
      const raw = storage.getItem(KEY_PREFIX + assessmentId);
      if (raw === null) return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        return isKeptEdits(parsed, assessmentId) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(kept: KeptEdits): boolean {
      try {
        storage.setItem(KEY_PREFIX + kept.assessmentId, JSON.stringify(kept));
        return true;
      } catch {
        return false;
      }
    },
    clear(assessmentId: number): void {
      storage.removeItem(KEY_PREFIX + assessmentId);
    },
  } satisfies EditStore;
}
