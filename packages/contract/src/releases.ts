import { z } from 'zod';
import { entityRefSchema } from './common.js';
import { integerParam } from './integer.js';

/**
 * Releases and the errata log: a published edition is a sequence of frozen
 * releases (1, 2, …), and every figure or text a correction changed is an
 * entry of its errata log. Public: what was published, and what was corrected
 * and why, is part of the record.
 */

export const releaseSchema = z.strictObject({
  release: z.number().int().min(1).meta({ description: 'Its number within the edition: 1 is the first release.' }),
  checksum: z.string().meta({ description: 'SHA-256 (hex) of the release’s JSON, as downloaded.' }),
  size: z.number().int().meta({ description: 'Bytes of the release’s JSON.' }),
  publishedAt: z.string(),
  reason: z.string().nullable().meta({ description: 'Why a later release was made; null for the first.' }),
  errata: z.number().int().meta({ description: 'Entries this release added to the errata log.' }),
  latest: z.boolean(),
});
export const releaseListSchema = z.strictObject({
  edition: z.number().int(),
  releases: z.array(releaseSchema),
});

const publishedValueSchema = z.union([z.number(), z.string()]).nullable();

export const erratumSchema = z.strictObject({
  edition: z.number().int(),
  release: z.number().int().min(2).meta({ description: 'The release that made the change.' }),
  entity: entityRefSchema,
  field: z.string().meta({
    description:
      'What changed: an indicator or subcategory code, `PR`, `CL`, `total`, `prRating`, `clRating`, ' +
      '`freedomRating`, `status`, `trendArrow`, `addQ`, `addA`, `kind`, `region`, or `narrative.<section>[.<code>]`.',
  }),
  label: z.string().meta({ description: 'The field as a reader names it: “B2”, “PR rating”, “Overview text”.' }),
  old: publishedValueSchema.meta({ description: 'null where the earlier release had no value.' }),
  new: publishedValueSchema.meta({ description: 'null where the correction removed the value.' }),
  reason: z.string(),
  by: z
    .string()
    .nullable()
    .meta({ description: 'Who published the correction; null for a correction imported by `fiw import --correct`.' }),
  at: z.string(),
});
export const errataListSchema = z.strictObject({ errata: z.array(erratumSchema) });

export const releaseQuery = z.strictObject({
  release: integerParam(1, 10_000)
    .optional()
    .meta({ description: 'A release of the edition (1 is the first); the latest when absent.' }),
});
