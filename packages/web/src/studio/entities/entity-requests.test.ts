import { describe, expect, it } from 'vitest';
import {
  listLines,
  newEntityRequest,
  reclassifyRequest,
  renameRequest,
  successionRequest,
  type NewEntityForm,
} from './entity-requests.js';

const ADD: NewEntityForm = {
  name: ' Arcadia ',
  kind: 'country',
  region: 'Europe',
  codeKind: 'project',
  code: '',
  first: '',
  variants: '',
};

describe('the registry forms’ requests', () => {
  it('adds an entity with only what was given: the server proposes slug and code', () => {
    expect(newEntityRequest(ADD)).toEqual({
      ok: true,
      request: { name: 'Arcadia', kind: 'country', region: 'Europe' },
    });
    expect(
      newEntityRequest({
        ...ADD,
        codeKind: 'iso3',
        code: 'grl',
        first: '2024',
        variants: 'Arkadia\n\n Arcady \nArkadia',
      }),
    ).toEqual({
      ok: true,
      request: {
        name: 'Arcadia',
        kind: 'country',
        region: 'Europe',
        iso3: 'GRL',
        first: 2024,
        variants: ['Arkadia', 'Arcady'],
      },
    });
    expect(newEntityRequest({ ...ADD, code: 'xar' })).toMatchObject({ ok: true, request: { code: 'XAR' } });
  });

  it('says at each field what it cannot send', () => {
    expect(newEntityRequest({ ...ADD, name: '  ', code: 'X1', first: '24' })).toEqual({
      ok: false,
      errors: {
        name: 'A name is needed.',
        code: 'A code is three letters, such as XAR, not “X1”.',
        first: 'An edition is a year such as 2024, not “24”.',
      },
    });
  });

  it('renames for every edition or from one on', () => {
    expect(renameRequest({ name: 'New Arcadia', fromEdition: '' })).toEqual({
      ok: true,
      request: { name: 'New Arcadia' },
    });
    expect(renameRequest({ name: 'New Arcadia', fromEdition: '2025' })).toEqual({
      ok: true,
      request: { name: 'New Arcadia', fromEdition: 2025 },
    });
    expect(renameRequest({ name: '', fromEdition: 'next' })).toMatchObject({
      ok: false,
      errors: { name: expect.any(String), fromEdition: expect.any(String) },
    });
  });

  it('reclassifies only what changes, and needs the edition it changes from', () => {
    expect(reclassifyRequest({ kind: 'country', region: '', fromEdition: '2010' })).toEqual({
      ok: true,
      request: { kind: 'country', fromEdition: 2010 },
    });
    expect(reclassifyRequest({ kind: '', region: '', fromEdition: '' })).toEqual({
      ok: false,
      errors: {
        kind: 'Choose a new kind, a new region, or both.',
        fromEdition: 'The first edition with the new kind or region is needed.',
      },
    });
  });

  it('records a split or merger as a succession, and a territory that becomes a country as a reclassification', () => {
    expect(
      successionRequest({
        kind: 'split',
        from: 'Arcadia',
        to: 'West Arcadia\nEast Arcadia\n',
        edition: '2024',
        continuing: 'West Arcadia',
      }),
    ).toEqual({
      ok: true,
      request: {
        op: 'succession',
        body: {
          kind: 'split',
          from: ['Arcadia'],
          to: ['West Arcadia', 'East Arcadia'],
          edition: 2024,
          continuing: 'West Arcadia',
        },
      },
    });
    expect(
      successionRequest({ kind: 'becomes-country', from: 'Kosovo', to: 'ignored', edition: '2010', continuing: '' }),
    ).toEqual({
      ok: true,
      request: { op: 'reclassify', entity: 'Kosovo', body: { kind: 'country', fromEdition: 2010 } },
    });
  });

  it('refuses a succession that cannot be one, at the field concerned', () => {
    expect(successionRequest({ kind: 'split', from: 'A\nB', to: '', edition: '', continuing: 'C' })).toEqual({
      ok: false,
      errors: {
        from: 'A split has one entity before it; use a merger for several.',
        to: 'Name the entity (or entities) after the change.',
        edition: 'The first edition after the change is needed.',
        continuing: 'The successor that continues the series must be one of those after the change.',
      },
    });
    expect(successionRequest({ kind: 'merger', from: 'A\nB', to: 'C\nD', edition: '2007', continuing: '' })).toEqual({
      ok: false,
      errors: { to: 'A merger has one entity after it; use a split for several.' },
    });
    expect(successionRequest({ kind: 'becomes-country', from: '', to: '', edition: '2010', continuing: '' })).toEqual({
      ok: false,
      errors: { from: 'Name the one territory that became a country.' },
    });
  });

  it('reads one-per-line fields without blanks or repeats', () => {
    expect(listLines(' a \n\nb\na\n')).toEqual(['a', 'b']);
  });
});
