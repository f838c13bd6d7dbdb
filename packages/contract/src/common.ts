import {
  DIRECTIONS,
  ENTITY_KINDS,
  GRANULARITIES,
  INDICATOR_CODES,
  NARRATIVE_SECTIONS,
  STATUSES,
  SUBCATEGORY_CODES,
  TREND_ARROWS,
} from '@freedom-ratings/core';
import { z } from 'zod';
import { API_ERROR_CODES } from './errors.js';
import { integerParam } from './integer.js';

/**
 * Schemas shared by public and studio responses. Every request and response
 * schema of the API lives in this package: they validate, type the server's
 * handlers and the web app's client, and generate the OpenAPI document. Objects are strict, so an
 * unknown field is refused on the way in and cannot slip out on the way out.
 */

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES).meta({ description: 'Stable machine-readable code: see the error catalogue.' }),
    message: z.string(),
    details: z.unknown(),
  }),
});

export const statusSchema = z.enum(STATUSES).meta({ description: 'Free, Partly Free, Not Free.' });
export const ratingSchema = z.number().int().min(1).max(7);
export const directionSchema = z.enum(DIRECTIONS);
export const granularitySchema = z.enum(GRANULARITIES);
export const trendArrowSchema = z.enum(TREND_ARROWS);
export const entityKindSchema = z.enum(ENTITY_KINDS);

const scoreMap = <K extends string>(codes: readonly K[]) =>
  z.strictObject(Object.fromEntries(codes.map((c) => [c, z.number().int()])) as Record<K, z.ZodNumber>);

export const subcategoryScoresSchema = scoreMap(SUBCATEGORY_CODES);
export const indicatorScoresSchema = scoreMap(INDICATOR_CODES);

export const editionParamSchema = integerParam(1973, 2100).meta({
  description: 'Edition key: the publication year (first year of FH’s two-year labels before 2003).',
});

export const editionParams = z.strictObject({ edition: editionParamSchema });

const scoredPartSchema = {
  code: z.string(),
  name: z.string(),
  score: z.number().int().nullable(),
  max: z.number().int(),
};

/**
 * One category of a methodology that is not FIW's two (PR and CL), as the
 * general engine (`scoreIndex`) scores it: its score of its maximum (with its
 * discretionary answers), its rating from its bands, and its subcategories and
 * indicators in the methodology's own codes.
 */
export const categoryFiguresSchema = z.strictObject({
  ...scoredPartSchema,
  rating: z.number().int().min(1).max(7),
  subcategories: z.array(
    z.strictObject({
      ...scoredPartSchema,
      indicators: z.array(z.strictObject(scoredPartSchema)),
    }),
  ),
});

/** What the engine derives, plus the inputs a reader needs to follow it. */
export const figuresSchema = z.strictObject({
  granularity: granularitySchema,
  status: statusSchema.nullable(),
  prRating: ratingSchema.nullable().meta({ description: 'Null when the methodology is not FIW’s PR and CL.' }),
  clRating: ratingSchema.nullable().meta({ description: 'Null when the methodology is not FIW’s PR and CL.' }),
  freedomRating: z.number(),
  pr: z.number().int().nullable(),
  cl: z.number().int().nullable(),
  total: z.number().int().nullable(),
  subcategories: subcategoryScoresSchema.nullable(),
  indicators: indicatorScoresSchema.nullable(),
  addQ: z.number().int().nullable(),
  addA: z.number().int().nullable(),
  trendArrow: trendArrowSchema.nullable(),
  electoralDemocracy: z.boolean().nullable(),
  categories: z.array(categoryFiguresSchema).nullable().meta({
    description:
      'Null for FIW’s two categories (PR and CL: the fields above). For another methodology (its own categories, scales, bands and status rule) each category with its score, maximum and rating; `pr`, `cl`, their ratings, `subcategories`, `indicators`, `addQ` and `addA` are then null, and `total`, `freedomRating` (mean of the category ratings) and `status` are the methodology’s.',
  }),
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
  section: z.enum(NARRATIVE_SECTIONS),
  code: z.string(),
  body: z.string(),
});
