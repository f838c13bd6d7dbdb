import { describe, expect, it } from 'vitest';
import type { EntityRegistryError } from './registry.js';
import { BUILTIN_REGISTRY, ENTITIES, EntityRegistry, entityById, kindIn, nameIn, regionIn } from './registry.js';
import { proposeEntity } from './propose.js';
import { matchEntity, suggestEntities } from './match.js';
import { normalizeEntityName } from './entity-name.js';

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

describe('a registry as a value', () => {
  const arcadia = {
    id: 'arcadia',
    name: 'Arcadia',
    iso3: null,
    projectCode: 'XAR',
    kind: 'country',
    region: 'Europe',
    first: 2024,
    last: null,
  } as const;

  it('extends the built-in one without changing it', () => {
    const extended = BUILTIN_REGISTRY.with([arcadia]);
    expect(extended.match('arcadia')?.code).toBe('XAR');
    expect(extended.match('XAR')?.name).toBe('Arcadia');
    expect(BUILTIN_REGISTRY.match('Arcadia')).toBeUndefined();
    expect(matchEntity('Arcadia', extended)?.id).toBe('arcadia');
  });

  it('matches a former name and knows the name per edition', () => {
    const renamed = BUILTIN_REGISTRY.with([{ ...arcadia, name: 'New Arcadia', nameUntil: [[2026, 'Arcadia']] }]);
    const e = renamed.match('Arcadia')!;
    expect(e.name).toBe('New Arcadia');
    expect(nameIn(e, 2026)).toBe('Arcadia');
    expect(nameIn(e, 2027)).toBe('New Arcadia');
  });

  it('refuses a duplicate code, id or name, naming the field', () => {
    const attempt = (d: object) => {
      try {
        BUILTIN_REGISTRY.with([d as never]);
      } catch (e) {
        return (e as EntityRegistryError).problems;
      }
      return [];
    };
    expect(attempt({ ...arcadia, projectCode: 'XAB' })).toEqual([
      { field: 'code', subject: 'arcadia', message: 'code "XAB" is already used by Abkhazia' },
    ]);
    expect(attempt({ ...arcadia, name: 'Bosnia Herzegovina' }).map((p) => p.field)).toEqual(['name']);
    expect(attempt({ ...arcadia, projectCode: 'xx' }).map((p) => p.field)).toEqual(['code']);
    expect(attempt({ ...arcadia, region: 'Atlantis' }).map((p) => p.field)).toEqual(['region']);
    expect(() => new EntityRegistry([arcadia, arcadia])).toThrow('id "arcadia" is already used by Arcadia');
  });

  it('follows a continuing successor back through its predecessors', () => {
    expect(BUILTIN_REGISTRY.seriesAt('serbia', 2007)?.id).toBe('serbia');
    expect(BUILTIN_REGISTRY.seriesAt('serbia', 2006)?.id).toBe('serbia-and-montenegro');
    expect(BUILTIN_REGISTRY.seriesAt('serbia', 2003)?.id).toBe('yugoslavia');
    expect(BUILTIN_REGISTRY.seriesAt('montenegro', 2006)?.id).toBe('montenegro');
    expect(BUILTIN_REGISTRY.seriesAt('south-sudan', 2011)?.id).toBe('south-sudan');
    expect(BUILTIN_REGISTRY.seriesOf('serbia')).toEqual(['yugoslavia', 'serbia-and-montenegro', 'serbia']);
    expect(BUILTIN_REGISTRY.seriesOf('montenegro')).toEqual(['montenegro']);
    expect(BUILTIN_REGISTRY.lineageOf('serbia').map((s) => `${s.from}>${s.to}`)).toEqual([
      'yugoslavia>serbia-and-montenegro',
      'serbia-and-montenegro>montenegro',
      'serbia-and-montenegro>serbia',
    ]);
  });

  it('refuses a second continuing successor and links to unknown entities', () => {
    expect(() =>
      BUILTIN_REGISTRY.with(
        [],
        [{ edition: 2007, kind: 'split', from: 'serbia-and-montenegro', to: 'montenegro', continues: true }],
      ),
    ).toThrow('serbia-and-montenegro is already continued by serbia');
    expect(() =>
      BUILTIN_REGISTRY.with([], [{ edition: 2030, kind: 'merger', from: 'atlantis', to: 'serbia', continues: false }]),
    ).toThrow('no entity "atlantis"');
  });

  it('proposes a slug and a free project code for an unknown name', () => {
    expect(
      proposeEntity({ name: 'Occupied Zone', kind: 'territory', region: 'Asia', first: 2024 }, BUILTIN_REGISTRY),
    ).toMatchObject({
      id: 'occupied-zone',
      projectCode: 'XOC',
    });
    // XAB is Abkhazia's: the next letters of the name are tried.
    expect(
      proposeEntity({ name: 'Abcland', kind: 'country', region: 'Asia', first: 2024 }, BUILTIN_REGISTRY).projectCode,
    ).toBe('XAC');
  });
});

it('refuses to add an entity whose slug is taken', () => {
  expect(() =>
    BUILTIN_REGISTRY.add([
      {
        id: 'norway',
        name: 'Norway',
        iso3: null,
        projectCode: 'XNW',
        kind: 'country',
        region: 'Europe',
        first: null,
        last: null,
      },
    ]),
  ).toThrow('id "norway" is already used by Norway; name "Norway" is already a name of Norway');
});
