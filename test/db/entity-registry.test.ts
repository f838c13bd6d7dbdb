import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { kindIn, regionIn } from '@freedom-ratings/core';
import { connect, importFiles, loadEntityRegistry } from '@freedom-ratings/db';
import { fiw } from '../../test-support/cli.js';
import { REPO_ROOT } from '../../test-support/shared.js';
import { describeDialects, type DialectHarness } from './dialect-harness.js';

const example = (name: string) => join(REPO_ROOT, 'examples', name);
const EXAMPLES = ['indicators.csv', 'indicators.xlsx', 'assessments.json', 'kazakhstan-2014-subcategories.csv'];

function listed(target: string, ...args: string[]) {
  const r = fiw(['entity', 'list', '--format', 'json', '--db', target, ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as {
    entities: {
      id: string;
      name: string;
      code: string;
      kind: string;
      region: string;
      variants: string[];
      nameUntil: [number, string][];
    }[];
    successions: { from: string; to: string; edition: number; kind: string; continues: boolean }[];
  };
}

function registrySuite(h: DialectHarness) {
  it('is seeded from the built-in list, successions included', async () => {
    const target = await h.fresh();
    const { entities, successions } = listed(target);
    expect(entities.find((e) => e.id === 'kosovo')).toMatchObject({ code: 'XKX', kind: 'country', region: 'Europe' });
    expect(entities.find((e) => e.id === 'eswatini')?.variants).toEqual(['Swaziland']);
    expect(successions).toContainEqual({
      edition: 2007,
      kind: 'split',
      from: 'serbia-and-montenegro',
      to: 'serbia',
      continues: true,
    });
    expect(listed(target, '--added').entities).toEqual([]);
  });

  it('adds an entity, refuses a duplicate code or name naming the field and storing nothing', async () => {
    const target = await h.fresh();
    const added = fiw([
      'entity',
      'add',
      '--name',
      'Arcadia',
      '--kind',
      'country',
      '--region',
      'Europe',
      '--first',
      '2024',
      '--db',
      target,
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('added Arcadia: id arcadia, code XAR, country, Europe\n');
    expect(added.code).toBe(0);
    const before = await h.snapshot(target);

    const sameCode = fiw([
      'entity',
      'add',
      '--name',
      'Borduria',
      '--kind',
      'country',
      '--region',
      'Eurasia',
      '--code',
      'XAR',
      '--db',
      target,
    ]);
    expect(sameCode.code).toBe(2);
    expect(sameCode.stderr).toBe('fiw: code "XAR" is already used by Arcadia\nnothing was changed\n');
    const isoTaken = fiw([
      'entity',
      'add',
      '--name',
      'Borduria',
      '--kind',
      'country',
      '--region',
      'Eurasia',
      '--iso3',
      'kaz',
      '--db',
      target,
    ]);
    expect(isoTaken.stderr).toBe('fiw: code "KAZ" is already used by Kazakhstan\nnothing was changed\n');
    const sameName = fiw([
      'entity',
      'add',
      '--name',
      'Bosnia-Herzegovina',
      '--kind',
      'country',
      '--region',
      'Europe',
      '--db',
      target,
    ]);
    expect(sameName.code).toBe(2);
    expect(sameName.stderr).toContain('name "Bosnia-Herzegovina" is already a name of Bosnia and Herzegovina');
    const badRegion = fiw([
      'entity',
      'add',
      '--name',
      'Borduria',
      '--kind',
      'country',
      '--region',
      'Atlantis',
      '--db',
      target,
    ]);
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toContain('--region must be one of Africa, Americas, Asia, Eurasia, Europe, Middle East');
    expect(await h.snapshot(target)).toBe(before);
  });

  it('renames from an edition on; the old name is that of earlier editions and still matches on import', async () => {
    const target = await h.fresh();
    expect(fiw(['import', example('indicators.csv'), '--add-unknown', '--db', target]).code).toBe(0);
    const r = fiw(['entity', 'rename', 'arcadia', 'New Arcadia', '--from', '2025', '--db', target]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('renamed Arcadia to New Arcadia from 2025');
    expect(listed(target, '--added').entities.find((e) => e.id === 'arcadia')).toMatchObject({
      name: 'New Arcadia',
      nameUntil: [[2024, 'Arcadia']],
    });
    // The file still says "Arcadia": it is the same entity, so nothing changes.
    const again = fiw(['import', example('indicators.csv'), '--db', target]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('nothing changed');
    const unknown = fiw(['entity', 'rename', 'atlantis', 'X', '--db', target]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('fiw: no entity "atlantis" (give its slug, code or a name)\nnothing was changed\n');
  });

  it('records a split with fiw entity split, and refuses a second continuing successor', async () => {
    const target = await h.fresh();
    for (const name of ['Arcadia', 'West Arcadia', 'East Arcadia'])
      expect(
        fiw(['entity', 'add', '--name', name, '--kind', 'country', '--region', 'Europe', '--db', target]).code,
      ).toBe(0);
    const r = fiw([
      'entity',
      'split',
      'arcadia',
      '--into',
      'West Arcadia',
      'east-arcadia',
      '--edition',
      '2027',
      '--continuing',
      'west-arcadia',
      '--db',
      target,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'split: arcadia → west-arcadia from 2027 (continues its series)\nsplit: arcadia → east-arcadia from 2027\n',
    );
    const before = await h.snapshot(target);
    const again = fiw([
      'entity',
      'split',
      'arcadia',
      '--into',
      'east-arcadia',
      '--edition',
      '2027',
      '--continuing',
      'east-arcadia',
      '--db',
      target,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'fiw: succession arcadia → east-arcadia: arcadia is already continued by west-arcadia\nnothing was changed\n',
    );
    expect(await h.snapshot(target)).toBe(before);
    expect(listed(target).successions).toContainEqual({
      edition: 2027,
      kind: 'split',
      from: 'arcadia',
      to: 'west-arcadia',
      continues: true,
    });
  });

  it('reclassifies a territory as a country from an edition on, keeping the earlier kind', async () => {
    const target = await h.fresh();
    expect(
      fiw(['entity', 'add', '--name', 'Occupied Zone', '--kind', 'territory', '--region', 'Asia', '--db', target]).code,
    ).toBe(0);
    const r = fiw([
      'entity',
      'reclassify',
      'occupied-zone',
      '--kind',
      'country',
      '--region',
      'Middle East',
      '--from',
      '2026',
      '--db',
      target,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Occupied Zone is a country in Middle East from 2026\n');
    const conn = connect(target);
    try {
      const e = (await loadEntityRegistry(conn.db)).byId('occupied-zone')!;
      expect([kindIn(e, 2025), kindIn(e, 2026), regionIn(e, 2025), regionIn(e, 2026)]).toEqual([
        'territory',
        'country',
        'Asia',
        'Middle East',
      ]);
    } finally {
      await conn.close();
    }
    const same = fiw(['entity', 'reclassify', 'occupied-zone', '--kind', 'country', '--from', '2027', '--db', target]);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      'fiw: Occupied Zone is already a country in Middle East: nothing to change\nnothing was changed\n',
    );
  });

  it('says which entity to add, or which one a name probably is, and imports nothing', async () => {
    const target = await h.fresh();
    const before = await h.snapshot(target);
    const r = fiw(['import', example('indicators.csv'), '--db', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'indicators.csv, line 2, column 1 ("Country/Territory"): unknown country or territory "Arcadia": not in the registry; add it with `fiw entity add --name "Arcadia" --kind country --region "Europe"`, or import with --add-unknown',
    );
    expect(r.stderr).toContain(
      '"Occupied Zone": not in the registry; add it with `fiw entity add --name "Occupied Zone" --kind territory --region "Middle East"`',
    );
    const csv = readFileSync(example('indicators.csv'), 'utf8').replace('Syldavia', 'Kazakstan');
    const near = fiw(['import', '-', '--db', target], { input: csv });
    expect(near.stderr).toContain(
      'unknown country or territory "Kazakstan"; did you mean "Kazakhstan"? (if it is Kazakhstan, `fiw entity alias kazakhstan "Kazakstan"` makes imports accept this spelling)',
    );
    expect(await h.snapshot(target)).toBe(before);
    expect(fiw(['entity', 'alias', 'kazakhstan', 'Kazakstan', '--db', target]).code).toBe(0);
    const conn = connect(target);
    try {
      expect((await loadEntityRegistry(conn.db)).match('Kazakstan')?.id).toBe('kazakhstan');
    } finally {
      await conn.close();
    }
  });

  it('--add-unknown adds them in the same transaction: all or nothing', async () => {
    const target = await h.fresh();
    const before = await h.snapshot(target);
    // A bad score in the file: nothing is imported, and nothing is added to the registry.
    const bad = readFileSync(example('indicators.csv'), 'utf8').replace(
      'Arcadia,Europe,c,2024,F,1,1,4',
      'Arcadia,Europe,c,2024,F,1,1,9',
    );
    const refused = fiw(['import', '-', '--add-unknown', '--db', target], { input: bad });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('nothing was imported');
    expect(await h.snapshot(target)).toBe(before);

    const conn = connect(target);
    try {
      const summary = await importFiles(
        conn,
        [{ name: 'indicators.csv', bytes: readFileSync(example('indicators.csv')) }],
        {
          addUnknown: true,
        },
      );
      expect(summary.entities.registered).toEqual([
        { id: 'arcadia', name: 'Arcadia', code: 'XAR', kind: 'country', region: 'Europe' },
        { id: 'borduria', name: 'Borduria', code: 'XBO', kind: 'country', region: 'Eurasia' },
        { id: 'syldavia', name: 'Syldavia', code: 'XSY', kind: 'country', region: 'Europe' },
        { id: 'occupied-zone', name: 'Occupied Zone', code: 'XOC', kind: 'territory', region: 'Middle East' },
      ]);
      const changes = await conn.db
        .selectFrom('entity_changes')
        .select(['entity_id', 'action', 'detail'])
        .orderBy('id')
        .execute();
      expect(changes[0]).toEqual({
        entity_id: 'arcadia',
        action: 'add',
        detail: 'added by the import of indicators.csv: Arcadia (XAR, country, Europe)',
      });
    } finally {
      await conn.close();
    }
  });

  it('imports and scores every file in examples/', async () => {
    const target = await h.fresh();
    for (const name of EXAMPLES) {
      const r = fiw(['import', example(name), '--add-unknown', '--db', target]);
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
    }
    // Scored by the engine: the ratings layout shows the ratings and status computed from the scores.
    const exported = fiw(['export', '--format', 'csv', '--layout', 'ratings', '--db', target]);
    expect(exported.code).toBe(0);
    const rows = exported.stdout
      .split('\n')
      .filter((l) => /^[A-Z][a-z]/.test(l) && !l.startsWith('Survey') && !l.startsWith('Year'));
    expect(rows).toEqual([
      'Arcadia,-,-,-,-,-,-,-,-,-,1,1,F',
      'Borduria,7,6,NF,-,-,-,-,-,-,7,6,NF',
      'Kazakhstan,-,-,-,6,5,NF,-,-,-,-,-,-',
      'Syldavia,-,-,-,-,-,-,3,3,PF,-,-,-',
    ]);
  });
}

describeDialects('the entity registry in the database', registrySuite);
