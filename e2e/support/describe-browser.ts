import { describe } from 'vitest';
import { CHROMIUM, CHROMIUM_AVAILABLE } from './browser.js';

/**
 * `describe` for browser tests: they need Debian's Chromium. Without it they
 * skip and say why — except under CI, where that is a failure, since CI
 * installs it.
 */
export function describeBrowser(name: string, fn: () => void): void {
  const missing = CHROMIUM_AVAILABLE ? [] : [CHROMIUM];
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
  console.warn(`skipping "${name}": ${missing.join(' and ')} not found (apt-get install -y chromium)`);
  describe.skip(name, fn);
}
