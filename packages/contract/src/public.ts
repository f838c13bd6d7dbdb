import { METRICS } from '@freedom-ratings/core';
import { z } from 'zod';
import { releaseQuery } from './releases.js';
import {
  changeSchema,
  editionParamSchema,
  editionSummarySchema,
  entityKindSchema,
  entityRefSchema,
  figuresSchema,
  narrativeSchema,
  statusSchema,
  trendArrowSchema,
} from './common.js';
import { publicSuccessionSchema } from './entities.js';

/** Request and response schemas of the public API (published data only). */

export const publishedEditionSchema = editionSummarySchema.extend({
  publishedAt: z.string().nullable(),
  releaseChecksum: z.string().nullable().meta({ description: 'SHA-256 of the frozen release, when one exists.' }),
  release: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Number of the latest release (1 until a correction is published), when one exists.' }),
  assessments: z.number().int(),
});
export const editionListSchema = z.strictObject({ editions: z.array(publishedEditionSchema) });

export const entityParams = z.strictObject({
  entity: z.string().min(1).max(100).meta({ description: 'Entity slug (e.g. `kazakhstan`) or code (e.g. `KAZ`).' }),
});
export const reportParams = entityParams.extend({ edition: editionParamSchema });

export const entitySearchQuery = z.strictObject({
  q: z.string().max(100).optional().meta({ description: 'Part of a name, a known name variant, a slug or a code.' }),
  kind: entityKindSchema.optional(),
});
export const publicEntitySchema = entityRefSchema.extend({
  firstEdition: z.number().int(),
  lastEdition: z.number().int(),
  latestRegion: z.string().nullable(),
  matchedVariant: z.string().nullable().meta({ description: 'The name variant the search matched, if not the name.' }),
});
export const entityListSchema = z.strictObject({ entities: z.array(publicEntitySchema) });

export const RATINGS_SORT_KEYS = [
  'name',
  'region',
  'status',
  'prRating',
  'clRating',
  'freedomRating',
  'pr',
  'cl',
  'total',
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'change.total',
  'change.pr',
  'change.cl',
  'change.freedomRating',
] as const;
export type RatingsSortKey = (typeof RATINGS_SORT_KEYS)[number];

export const ratingsQuery = z.strictObject({
  region: z.string().max(50).optional(),
  status: statusSchema.optional(),
  kind: entityKindSchema.optional(),
  sort: z.enum(RATINGS_SORT_KEYS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  include: z
    .enum(['indicators'])
    .optional()
    .meta({ description: 'Add the 25 indicator scores and their changes to each row (a table needs them rarely).' }),
});

export const ratingsRowSchema = z.strictObject({
  entity: entityRefSchema,
  region: z.string().nullable(),
  figures: figuresSchema,
  change: changeSchema.nullable(),
});
export const ratingsTableSchema = z.strictObject({
  edition: publishedEditionSchema,
  rows: z.array(ratingsRowSchema),
  source: z.string(),
});

export const metricSeriesParams = z.strictObject({
  metric: z.enum(METRICS.map((m) => m.key) as [string, ...string[]]).meta({
    description:
      'A map metric: `status`, `total`, `pr`, `cl`, a rating, a subcategory `A`–`G` or an indicator `A1`–`G4`.',
  }),
});
export const metricSeriesEditionSchema = z.strictObject({
  edition: z.number().int(),
  rated: z
    .array(z.number().int())
    .meta({ description: 'Indices into `entities` of the entities published in the edition.' }),
  status: z
    .array(statusSchema.nullable())
    .meta({ description: 'Each rated entity’s status, in the order of `rated`.' }),
  values: z.array(z.number().nullable()).meta({
    description:
      'Each rated entity’s value of the metric (status as its rank, 0 = Free), null where the edition lacks it.',
  }),
  source: z.string(),
});
export const metricSeriesSchema = z.strictObject({
  metric: z.string(),
  entities: z.array(entityRefSchema),
  editions: z.array(metricSeriesEditionSchema),
});

export const historyEntrySchema = z.strictObject({
  edition: editionSummarySchema,
  region: z.string().nullable(),
  figures: figuresSchema,
  change: changeSchema.nullable(),
  ratedAs: entityRefSchema.optional().meta({
    description:
      'Present when this edition rated a predecessor the entity continues (Serbia in FIW 2006: Serbia and Montenegro).',
  }),
});
export const entityHistorySchema = z.strictObject({
  entity: entityRefSchema,
  history: z.array(historyEntrySchema),
  successions: z.array(publicSuccessionSchema).meta({
    description: 'Splits, mergers and renamings the entity’s series took part in, oldest first.',
  }),
  source: z.string(),
});

export const reportQuery = z.strictObject({
  format: z
    .enum(['json', 'text', 'markdown', 'html'])
    .optional()
    .meta({ description: 'Overrides the Accept header. Text, Markdown and HTML are rendered reports.' }),
});

export const explanationSchema = z.strictObject({
  pr: z.string().nullable(),
  cl: z.string().nullable(),
  status: z.string(),
  electoralDemocracy: z.string(),
  categories: z.array(z.string()).nullable().meta({
    description: 'Null for FIW (see `pr` and `cl`); for another methodology a sentence per category, in its order.',
  }),
});

export const countryReportSchema = z.strictObject({
  entity: entityRefSchema,
  edition: editionSummarySchema,
  region: z.string().nullable(),
  figures: figuresSchema,
  change: changeSchema.nullable(),
  trendArrow: z.strictObject({
    arrow: trendArrowSchema.nullable(),
    valid: z.boolean().nullable(),
    reason: z.string(),
  }),
  explanation: explanationSchema,
  questions: z
    .record(z.string(), z.string())
    .meta({ description: 'Official question wording of the edition, by code.' }),
  narratives: z.array(narrativeSchema),
  source: z.string(),
});

export const exportQuery = z.strictObject({
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .default('json')
    .meta({ description: 'The data package is served file by file under `/datapackage/`.' }),
  layout: z
    .enum(['indicators', 'subcategories', 'ratings'])
    .default('indicators')
    .meta({ description: 'CSV only: which of Freedom House’s layouts.' }),
  kind: entityKindSchema.default('country').meta({ description: 'CSV ratings layout only.' }),
  release: releaseQuery.shape.release.meta({
    description:
      'A release of the edition (1 is the first): JSON gives its frozen file byte for byte, CSV and XLSX are ' +
      'written from it. Absent: the latest release.',
  }),
});

export const datapackageParams = z.strictObject({
  edition: editionParamSchema,
  '*': z
    .string()
    .max(200)
    .meta({ description: 'A file of the package: `datapackage.json` or one of the CSVs it lists (`data/….csv`).' }),
});
