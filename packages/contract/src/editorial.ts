import { INDICATOR_CODES, SUBCATEGORY_CODES } from '@freedom-ratings/core';
import { z } from 'zod';
import { roleSchema, userSchema } from './auth.js';
import { entityRefSchema } from './common.js';
import {
  assessmentStateSchema,
  assignedPersonSchema,
  deadlineSchema,
  personSchema,
  progressSchema,
  studioEditionSchema,
} from './studio.js';

/**
 * Request and response schemas of the editorial screens: the edition board,
 * bulk assignment and approval, calibration across entities, per-indicator
 * review verdicts, and user administration.
 */

const personWithRoleSchema = z.strictObject({ id: z.number().int(), name: z.string(), role: roleSchema });

export const boardRowSchema = z.strictObject({
  id: z.number().int(),
  entity: entityRefSchema,
  region: z.string().nullable(),
  state: assessmentStateSchema,
  version: z.number().int(),
  assignees: z.array(assignedPersonSchema),
  progress: progressSchema,
  updatedAt: z.string(),
});

export const editionBoardSchema = z.strictObject({
  edition: studioEditionSchema,
  regions: z.array(z.string()),
  assessments: z.array(boardRowSchema),
});

export const bulkAssignBody = z.strictObject({
  region: z.string().min(1).max(200).nullable().meta({ description: 'Every assessment of this region; null: all.' }),
  analystId: z.number().int().positive().nullable(),
  reviewerId: z.number().int().positive().nullable(),
  analystDeadline: deadlineSchema.default(null),
  reviewerDeadline: deadlineSchema.default(null),
});
export const bulkAssignedSchema = z.strictObject({ assigned: z.number().int() });

export const bulkApproveBody = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(1000),
  reason: z.string().trim().min(1).max(2000),
});
export const bulkApprovedSchema = z.strictObject({
  approved: z.array(z.number().int()),
  skipped: z.array(z.strictObject({ id: z.number().int(), reason: z.string() })),
});

const calibrationCodeSchema = z.enum([...INDICATOR_CODES, ...SUBCATEGORY_CODES]);

export const calibrationQuery = z.strictObject({
  code: calibrationCodeSchema.meta({ description: 'An indicator (A1…G4) or a subcategory (A…G).' }),
  region: z.string().min(1).max(200).optional(),
  entities: z
    .string()
    .max(5000)
    .optional()
    .meta({ description: 'Comma-separated entity ids: a chosen set instead of (or within) a region.' }),
});

export const calibrationRowSchema = z.strictObject({
  id: z.number().int(),
  entity: entityRefSchema,
  region: z.string().nullable(),
  state: assessmentStateSchema,
  score: z.number().int().nullable(),
  previousEdition: z.number().int().nullable(),
  previousScore: z.number().int().nullable(),
  change: z.number().int().nullable(),
  text: z.string().nullable(),
  previousText: z.string().nullable(),
});
export const calibrationSchema = z.strictObject({
  edition: z.number().int(),
  code: z.string(),
  max: z.number().int(),
  regions: z.array(z.string()),
  rows: z.array(calibrationRowSchema),
});

export const VERDICTS = ['agree', 'disagree'] as const;
export const verdictParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  code: calibrationCodeSchema,
});
export const verdictBody = z.strictObject({
  verdict: z.enum(VERDICTS).nullable().meta({ description: 'null withdraws my verdict.' }),
});
export const verdictSchema = z.strictObject({
  code: z.string(),
  user: personSchema,
  verdict: z.enum(VERDICTS),
  version: z.number().int().meta({ description: 'The assessment version the verdict was given on.' }),
  at: z.string(),
});
export const verdictListSchema = z.strictObject({ verdicts: z.array(verdictSchema) });

export const managedUserSchema = userSchema.extend({
  active: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export const managedUserListSchema = z.strictObject({ users: z.array(managedUserSchema) });

/**
 * The people an editor can assign: active users with their name and role
 * only. Editors pick analysts and reviewers; emails, sign-in times and
 * deactivated accounts are the admins' business (`managedUserListSchema`).
 */
export const peopleListSchema = z.strictObject({ people: z.array(personWithRoleSchema) });
export const userParams = z.strictObject({ userId: z.coerce.number().int().positive() });
export const userChangeBody = z
  .strictObject({ role: roleSchema.optional(), active: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.active !== undefined, { message: 'Send role, active or both.' });
export const passwordResetSchema = z.strictObject({
  user: managedUserSchema,
  password: z.string().meta({ description: 'A new one-time password, shown once.' }),
});
