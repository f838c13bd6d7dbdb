import { INDICATOR_CODES, SUBCATEGORY_CODES } from '@freedom-ratings/core';
import { z } from 'zod';

/**
 * Schemas shared by public and studio responses. Every request and response
 * schema of the API lives under `src/schemas`: they validate, type the
 * handlers and generate the OpenAPI document. Objects are strict, so an
 * unknown field is refused on the way in and cannot slip out on the way out.
 */

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. `not-found`, `invalid-request`.' }),
    message: z.string(),
    details: z.unknown(),
  }),
});

export const statusSchema = z.enum(['F', 'PF', 'NF']).meta({ description: 'Free, Partly Free, Not Free.' });
export const ratingSchema = z.number().int().min(1).max(7);
export const directionSchema = z.enum(['improved', 'declined', 'unchanged']);
export const granularitySchema = z.enum(['indicators', 'subcategories', 'aggregates', 'ratings']);
export const entityKindSchema = z.enum(['country', 'territory']);

const scoreMap = <K extends string>(codes: readonly K[]) =>
  z.strictObject(Object.fromEntries(codes.map((c) => [c, z.number().int()])) as Record<K, z.ZodNumber>);

export const subcategoryScoresSchema = scoreMap(SUBCATEGORY_CODES);
export const indicatorScoresSchema = scoreMap(INDICATOR_CODES);

export const editionParamSchema = z.coerce
  .number()
  .int()
  .min(1973)
  .max(2100)
  .meta({ description: 'Edition key: the publication year (first year of FH’s two-year labels before 2003).' });

/** What the engine derives, plus the inputs a reader needs to follow it. */
export const figuresSchema = z.strictObject({
  granularity: granularitySchema,
  status: statusSchema.nullable(),
  prRating: ratingSchema,
  clRating: ratingSchema,
  freedomRating: z.number(),
  pr: z.number().int().nullable(),
  cl: z.number().int().nullable(),
  total: z.number().int().nullable(),
  subcategories: subcategoryScoresSchema.nullable(),
  indicators: indicatorScoresSchema.nullable(),
  addQ: z.number().int().nullable(),
  addA: z.number().int().nullable(),
  trendArrow: z.enum(['up', 'down']).nullable(),
  electoralDemocracy: z.boolean().nullable(),
});

export const changeSchema = z
  .strictObject({
    fromEdition: z.number().int(),
    pr: z.number().int().nullable(),
    cl: z.number().int().nullable(),
    total: z.number().int().nullable(),
    freedomRating: z.number(),
    prRating: directionSchema,
    clRating: directionSchema,
    status: z.strictObject({ from: statusSchema, to: statusSchema, direction: directionSchema }).nullable(),
    indicators: z.record(z.string(), z.number().int()),
    subcategories: z.record(z.string(), z.number().int()),
  })
  .meta({
    description: 'Change from the previous published edition: current − previous (positive is better for scores).',
  });

export const entityRefSchema = z.strictObject({
  id: z.string().meta({ description: 'Stable slug, e.g. `kazakhstan`.' }),
  name: z.string(),
  kind: entityKindSchema,
  code: z.string().meta({ description: 'ISO 3166-1 alpha-3, or a stable project code for territories.' }),
  iso3: z.string().nullable(),
});

export const editionSummarySchema = z.strictObject({
  edition: z.number().int(),
  label: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  yearUnderReview: z.number().int(),
  methodology: z.string(),
});

export const narrativeSchema = z.strictObject({
  section: z.enum([
    'overview',
    'key-developments',
    'notes',
    'status-change',
    'ratings-change',
    'trend-arrow',
    'subcategory',
    'indicator',
    'discretionary',
  ]),
  code: z.string(),
  body: z.string(),
});
