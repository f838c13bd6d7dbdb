import { CORRECTION_STATES } from '@freedom-ratings/core';
import { z } from 'zod';
import { entityRefSchema } from './common.js';
import { integerParam } from './integer.js';
import { assessmentPatchBody, personSchema } from './studio.js';

/**
 * Corrections to published assessments in the studio: proposed with the same
 * fields as a save and a reason, reviewed by someone other than their author,
 * published by an editor as the edition's next release with an errata entry
 * for each value they change.
 */

export const correctionStateSchema = z.enum(CORRECTION_STATES);

export const correctionBody = assessmentPatchBody.meta({
  description: 'The fields to change, as a studio save sends them, and why (the errata log shows the reason).',
});

export const correctionParams = z.strictObject({ correctionId: integerParam(1) });

export const correctionListQuery = z.strictObject({
  edition: integerParam(1800, 2200).optional(),
  state: correctionStateSchema.optional(),
});

const valueSchema = z.union([z.number(), z.string()]).nullable();

export const correctionChangeSchema = z.strictObject({
  field: z.string(),
  label: z.string(),
  old: valueSchema,
  new: valueSchema,
});

export const correctionSchema = z.strictObject({
  id: z.number().int(),
  assessmentId: z.number().int(),
  entity: entityRefSchema,
  edition: z.number().int(),
  state: correctionStateSchema,
  reason: z.string(),
  note: z.string().nullable().meta({ description: 'The reviewer’s note when it was returned.' }),
  edit: assessmentPatchBody.omit({ reason: true }),
  changes: z.array(correctionChangeSchema).meta({
    description:
      'What it changes in the published figures and texts, old → new, as the errata log will list it (for a ' +
      'published correction: what it changed).',
  }),
  createdBy: personSchema,
  createdAt: z.string(),
  updatedBy: personSchema,
  updatedAt: z.string(),
  release: z.number().int().nullable().meta({ description: 'The release its publication made.' }),
});
export const correctionListSchema = z.strictObject({ corrections: z.array(correctionSchema) });

export const correctionWorkflowBody = z.strictObject({
  action: z.enum(['approve', 'return']),
  note: z.string().trim().min(1).max(2000).optional().meta({ description: 'Required to return: what to fix.' }),
});

export const correctionPublishedSchema = z.strictObject({
  correction: correctionSchema,
  release: z.number().int(),
  checksum: z.string(),
  errata: z.number().int(),
});
