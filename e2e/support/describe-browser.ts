import { describe } from 'vitest';
import { SHARED_AVAILABLE, SHARED_DIR } from '../../test-support/shared.js';
import { CHROMIUM, CHROMIUM_AVAILABLE } from './browser.js';

/**
 * `describe` for browser tests: they need Chromium and FH's data in
 * ../shared. Without either they skip and say why — except under CI, where
 * that is a failure, since CI installs Chromium and lays out ../shared.
 */
export function describeBrowser(name: string, fn: () => void): void {
  const missing = [!CHROMIUM_AVAILABLE && CHROMIUM, !SHARED_AVAILABLE && SHARED_DIR].filter(Boolean);
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${missing.join(' and ')} missing: the browser tests cannot run, and under CI that is a failure`);
    });
    return;
  }
  console.warn(`skipping "${name}": ${missing.join(' and ')} not found`);
  describe.skip(name, fn);
}
