import { createHash } from 'node:crypto';
import { csvText, SUBCATEGORY_CODES, type Cell } from '@freedom-ratings/core';
import type { ScoredAssessment } from '../repositories/assessments.js';

/** A file of an export that is more than one file. */
export interface ExportedFile {
  path: string;
  bytes: Buffer;
}

type FieldType = 'string' | 'integer' | 'number' | 'date';
interface Field {
  name: string;
  type: FieldType;
  description?: string;
  constraints?: Record<string, unknown>;
}

interface Table {
  name: string;
  description: string;
  fields: Field[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  rows: Cell[][];
}

const int = (name: string, description?: string, constraints?: Record<string, unknown>): Field => ({
  name,
  type: 'integer',
  ...(description ? { description } : {}),
  ...(constraints ? { constraints } : {}),
});
const str = (name: string, description?: string, constraints?: Record<string, unknown>): Field => ({
  name,
  type: 'string',
  ...(description ? { description } : {}),
  ...(constraints ? { constraints } : {}),
});

const toEntity = { fields: ['entity_id'], reference: { resource: 'entities', fields: ['id'] } };
const toEdition = { fields: ['edition'], reference: { resource: 'editions', fields: ['edition'] } };

/**
 * A Frictionless tabular data package: datapackage.json (table schemas with
 * keys, licence and sources, and each CSV's size and SHA-256) and one CSV per
 * table. Ratings carry every derived figure, recomputed by the engine; scores
 * and texts are as stored. The descriptor's `created` is when the newest of
 * its editions was published, so the same data gives the same bytes on every run.
 */
export function dataPackageFiles(assessments: readonly ScoredAssessment[]): ExportedFile[] {
  const tables = packageTables(assessments);
  const csvs = tables.map((t) => ({
    path: `data/${t.name}.csv`,
    bytes: Buffer.from(csvText([t.fields.map((f) => f.name), ...t.rows])),
  }));
  const descriptor = packageDescriptor(tables, csvs, newestPublication(assessments));
  return [{ path: 'datapackage.json', bytes: Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`) }, ...csvs];
}

/** The package's tables: entities and editions referenced, one ratings row per assessment, scores and texts. */
function packageTables(assessments: readonly ScoredAssessment[]): Table[] {
  const entities = new Map(assessments.map((a) => [a.entity.id, a.entity]));
  const editions = new Map(assessments.map((a) => [a.edition.edition, a.edition]));
  return [
    {
      name: 'entities',
      description: 'Countries and territories.',
      fields: [
        str('id', 'stable slug'),
        str('name'),
        str('kind', 'in the newest edition', { enum: ['country', 'territory'] }),
        str('iso3', 'ISO 3166-1 alpha-3, empty where none exists'),
        str('code', 'ISO alpha-3 or the project code for territories and former states'),
      ],
      primaryKey: ['id'],
      rows: [...entities.values()]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((e) => [e.id, e.name, e.kind, e.iso3, e.code]),
    },
    {
      name: 'editions',
      description: 'Freedom in the World editions: publication key, FH label and period under review.',
      fields: [
        int('edition', 'publication year; first year of two-year labels before 2003'),
        str('label', "FH's own label, e.g. 1983-84"),
        { name: 'period_start', type: 'date' },
        { name: 'period_end', type: 'date' },
        int('year_under_review'),
        str('methodology'),
      ],
      primaryKey: ['edition'],
      rows: [...editions.values()]
        .sort((a, b) => a.edition - b.edition)
        .map((e) => [e.edition, e.label, e.period_start, e.period_end, e.year_under_review, e.methodology]),
    },
    {
      name: 'ratings',
      description: 'One row per entity and edition with every figure; derived figures are computed from the scores.',
      fields: [
        str('entity_id'),
        str('entity'),
        int('edition'),
        str('kind', undefined, { enum: ['country', 'territory'] }),
        str('region'),
        str('granularity', 'most detailed data held', {
          enum: ['indicators', 'subcategories', 'aggregates', 'ratings'],
        }),
        str('status', 'F, PF or NF'),
        int('pr_rating', undefined, { minimum: 1, maximum: 7 }),
        int('cl_rating', undefined, { minimum: 1, maximum: 7 }),
        { name: 'freedom_rating', type: 'number', description: 'mean of the two ratings' },
        int('pr', 'Political Rights score (can be below 0)'),
        int('cl', 'Civil Liberties score'),
        int('total'),
        ...SUBCATEGORY_CODES.map((c) => int(c)),
        int('add_q', 'discretionary question subtracted from PR (Add B before FIW 2018)'),
        int('add_a', 'discretionary question added to PR (FIW 2017 and earlier)'),
      ],
      primaryKey: ['entity_id', 'edition'],
      foreignKeys: [toEntity, toEdition],
      rows: assessments.map((a) => {
        const f = a.assessed.figures;
        return [
          a.entity.id,
          a.entity.name,
          a.row.edition,
          a.row.kind,
          a.row.region,
          a.row.granularity,
          f?.status ?? null,
          f?.prRating ?? null,
          f?.clRating ?? null,
          f?.freedomRating ?? null,
          f?.pr ?? null,
          f?.cl ?? null,
          f?.total ?? null,
          ...SUBCATEGORY_CODES.map((c) => f?.subcategories?.[c] ?? null),
          a.row.add_q,
          a.row.add_a,
        ];
      }),
    },
    {
      name: 'indicator_scores',
      description: 'Indicator scores (0–4), FIW 2013 on.',
      fields: [str('entity_id'), int('edition'), str('indicator'), int('score', undefined, { minimum: 0, maximum: 4 })],
      primaryKey: ['entity_id', 'edition', 'indicator'],
      foreignKeys: [toEntity, toEdition],
      rows: assessments.flatMap((a) =>
        a.row.granularity === 'indicators'
          ? Object.entries(a.scores).map(([code, value]) => [a.entity.id, a.row.edition, code, value])
          : [],
      ),
    },
    {
      name: 'narratives',
      description: 'Report texts: overview, key developments, and the text behind each score.',
      fields: [str('entity_id'), int('edition'), str('section'), str('code'), str('text')],
      primaryKey: ['entity_id', 'edition', 'section', 'code'],
      foreignKeys: [toEntity, toEdition],
      rows: assessments.flatMap((a) =>
        a.narratives.map((n) => [a.entity.id, a.row.edition, n.section, n.code, n.body]),
      ),
    },
  ];
}

/** datapackage.json: licence, sources, and each table's schema, size and SHA-256. */
function packageDescriptor(tables: readonly Table[], csvs: readonly ExportedFile[], created: string | null) {
  return {
    profile: 'tabular-data-package',
    name: 'freedom-ratings',
    title: 'Freedom in the World ratings',
    description:
      'Ratings, scores and report texts of the published editions. Source: Freedom House, Freedom in the World.',
    ...(created ? { created } : {}),
    licenses: [
      {
        name: 'other-attribution',
        title: 'Freedom House data: reuse with attribution "Source: Freedom House, Freedom in the World"',
        path: 'https://freedomhouse.org/report/freedom-world',
      },
    ],
    sources: [
      {
        title: 'Source: Freedom House, Freedom in the World',
        path: 'https://freedomhouse.org/report/freedom-world',
      },
    ],
    resources: tables.map((t, i) => ({
      name: t.name.replace(/_/g, '-'),
      path: csvs[i]!.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: csvs[i]!.bytes.length,
      hash: `sha256:${createHash('sha256').update(csvs[i]!.bytes).digest('hex')}`,
      description: t.description,
      schema: {
        fields: t.fields,
        primaryKey: t.primaryKey,
        ...(t.foreignKeys
          ? {
              foreignKeys: t.foreignKeys.map((k) => ({
                ...k,
                reference: { ...k.reference, resource: k.reference.resource.replace(/_/g, '-') },
              })),
            }
          : {}),
      },
    })),
  };
}

/** The newest publication time of the exported editions, as stored (ISO 8601). */
function newestPublication(assessments: readonly ScoredAssessment[]): string | null {
  let newest: string | null = null;
  for (const a of assessments) {
    const at = a.edition.published_at ?? a.edition.created_at;
    if (newest === null || at > newest) newest = at;
  }
  return newest;
}
