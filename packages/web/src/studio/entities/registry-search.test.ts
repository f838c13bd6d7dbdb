import { describe, expect, it } from 'vitest';
import type { RegistryEntity } from '../../api/studio-client.js';
import { searchRegistry } from './registry-search.js';

const entity = (e: Partial<RegistryEntity> & Pick<RegistryEntity, 'id' | 'name' | 'code'>): RegistryEntity => ({
  iso3: null,
  kind: 'country',
  region: 'Europe',
  variants: [],
  formerNames: [],
  firstEdition: null,
  lastEdition: null,
  addedAt: null,
  ...e,
});

const LIST = [
  entity({ id: 'cote-divoire', name: 'Côte d’Ivoire', code: 'CIV', iso3: 'CIV', variants: ['Ivory Coast'] }),
  entity({
    id: 'myanmar',
    name: 'Myanmar',
    code: 'MMR',
    iso3: 'MMR',
    formerNames: [{ name: 'Burma', untilEdition: 2011 }],
  }),
  entity({ id: 'arcadia', name: 'Arcadia', code: 'XAR' }),
];
const ids = (q: string) => searchRegistry(LIST, q).map((e) => e.id);

describe('searching the registry', () => {
  it('finds all with an empty search, in the list’s order', () => {
    expect(ids('')).toEqual(['cote-divoire', 'myanmar', 'arcadia']);
    expect(ids('  ')).toEqual(['cote-divoire', 'myanmar', 'arcadia']);
  });

  it('folds accents, case and punctuation as imports do', () => {
    expect(ids("COTE D'IVOIRE")).toEqual(['cote-divoire']);
    expect(ids('CÔTE')).toEqual(['cote-divoire']);
  });

  it('finds an entity by a former name, a variant, its code or slug, and part of a name', () => {
    expect(ids('burma')).toEqual(['myanmar']);
    expect(ids('ivory')).toEqual(['cote-divoire']);
    expect(ids('xar')).toEqual(['arcadia']);
    expect(ids('cote-divoire')).toEqual(['cote-divoire']);
    expect(ids('arc')).toEqual(['arcadia']);
    expect(ids('atlantis')).toEqual([]);
  });
});
