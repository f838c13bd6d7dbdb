import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '@freedom-ratings/core';
import { ISO_LOOKUP_NAMES } from '../../scripts/iso-lookup-names.ts';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as {
  getAlpha3Code(name: string, lang: string): string | undefined;
  isValid(code: string): boolean;
};

describe("core's generated ISO codes", () => {
  it('agree with the i18n-iso-countries package (regenerate with scripts/generate-iso-codes.ts)', () => {
    const withCodes = ENTITIES.filter((e) => e.iso3 !== null);
    expect(withCodes.length).toBeGreaterThan(190);
    for (const e of withCodes) {
      expect(countries.getAlpha3Code(ISO_LOOKUP_NAMES[e.id] ?? e.name, 'en'), e.id).toBe(e.iso3);
      expect(countries.isValid(e.iso3!)).toBe(true);
    }
  });

  it('leave only territories, former states and Kosovo without one', () => {
    const without = ENTITIES.filter((e) => e.iso3 === null);
    for (const e of without) expect(e.projectCode, e.id).toMatch(/^X[A-Z]{2}$/);
    expect(without.map((e) => e.id)).toContain('kosovo');
    expect(without.map((e) => e.id)).toContain('ussr');
  });
});
