import { describe, expect, it } from 'vitest';
import { ENTITIES, entityById, kindIn, regionIn } from './registry.js';
import { matchEntity, normalizeEntityName, suggestEntities } from './match.js';

describe('entity registry', () => {
  it('has unique slugs, codes and normalised names', () => {
    const ids = ENTITIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = ENTITIES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Map<string, string>();
    for (const e of ENTITIES) {
      for (const n of [e.name, ...(e.variants ?? [])]) {
        const key = normalizeEntityName(n);
        expect(seen.get(key) ?? e.id, `"${n}" is claimed by two entities`).toBe(e.id);
        seen.set(key, e.id);
      }
    }
  });

  it('gives every entity either an ISO code or a project code, never both', () => {
    for (const e of ENTITIES) {
      expect(e.iso3 === null, e.id).toBe(e.projectCode !== undefined);
      expect(e.code).toMatch(/^[A-Z]{3}$/);
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('matches spellings from different files to one entity', () => {
    expect(matchEntity('Cote d’Ivoire')?.id).toBe('cote-divoire');
    expect(matchEntity("Côte d'Ivoire")?.iso3).toBe('CIV');
    expect(matchEntity('Gambia')?.id).toBe('the-gambia');
    expect(matchEntity('St. Vincent and Grenadines')?.id).toBe('st-vincent-and-the-grenadines');
    expect(matchEntity('Israeli Occupied Territories')?.id).toBe('israeli-occupied-territories');
    expect(matchEntity('Germany, E. ')?.id).toBe('east-germany');
    expect(matchEntity('KAZ')?.name).toBe('Kazakhstan');
    expect(matchEntity('hong-kong')?.kind).toBe('territory');
    expect(matchEntity('Atlantis')).toBeUndefined();
  });

  it('knows region and kind per edition', () => {
    const egypt = entityById('egypt')!;
    expect(regionIn(egypt, 2021)).toBe('Middle East');
    expect(regionIn(egypt, 2022)).toBe('Africa');
    const kosovo = entityById('kosovo')!;
    expect(kindIn(kosovo, 2009)).toBe('territory');
    expect(kindIn(kosovo, 2010)).toBe('country');
    expect(regionIn(kosovo, 2007)).toBe('Eurasia');
  });

  it('suggests the closest known names', () => {
    expect(suggestEntities('Kazakstan')[0]?.id).toBe('kazakhstan');
    expect(suggestEntities('Congo').map((e) => e.id)).toEqual(
      expect.arrayContaining(['congo-brazzaville', 'congo-kinshasa']),
    );
  });
});
