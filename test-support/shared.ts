import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/**
 * The real Freedom House data and report fixtures live beside the project in
 * ../shared and are never copied in. Conformance tests use them when present;
 * without them they skip and say so, except under CI, where a missing
 * ../shared is a failure rather than a silent pass.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = process.env.FIW_SHARED_DIR ?? resolve(REPO_ROOT, '..', 'shared');
export const SHARED_AVAILABLE = existsSync(join(SHARED_DIR, 'data'));

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

export const dataFile = (name: string) => sharedPath('data', name);
export const fixtureFile = (...parts: string[]) => sharedPath('fixtures', ...parts);

/** `describe` for tests that need ../shared. */
export function describeShared(name: string, fn: () => void): void {
  if (SHARED_AVAILABLE) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${SHARED_DIR} is missing: conformance tests cannot run, and under CI that is a failure`);
    });
    return;
  }
  console.warn(`skipping "${name}": ${SHARED_DIR} not found (conformance tests need ../shared)`);
  describe.skip(name, fn);
}
