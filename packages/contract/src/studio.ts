import {
  ASSESSMENT_STATES,
  EDITION_STATES,
  INDICATOR_CODES,
  INDICATORS,
  REVIEW_WARNING_CODES,
  SUBCATEGORIES,
  SUBCATEGORY_CODES,
  WORKFLOW_ACTIONS,
  type IndicatorCode,
  type SubcategoryCode,
} from '@freedom-ratings/core';
import { z } from 'zod';
import {
  editionParamSchema,
  editionSummarySchema,
  entityRefSchema,
  figuresSchema,
  granularitySchema,
  narrativeSchema,
  trendArrowSchema,
} from './common.js';
import { roleSchema } from './auth.js';
import { integerParam } from './integer.js';
import { methodologySchema } from './methodology.js';

/** Request and response schemas of the studio (signed-in) API. */

export const assessmentStateSchema = z.enum(ASSESSMENT_STATES);
export const editionStateSchema = z.enum(EDITION_STATES);

export const assessmentParams = z.strictObject({ id: integerParam(1) });

/**
 * Someone who did or is to do something. Under an edition's blind review an
 * analyst is not told the reviewers' names and a reviewer not the analysts':
 * then `id` is null and `name` is "Anonymous reviewer" or "Anonymous analyst".
 */
export const personSchema = z.strictObject({
  id: z.number().int().nullable().meta({ description: 'null when blind review hides who this is.' }),
  name: z.string(),
});

export const warningSchema = z.strictObject({
  code: z.enum(REVIEW_WARNING_CODES),
  field: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
});

const scoreCodeSchema = z.enum([...INDICATOR_CODES, ...SUBCATEGORY_CODES]);
type ScoreCode = z.infer<typeof scoreCodeSchema>;

/** Each FIW code's own maximum. */
const SCORE_MAXIMA: Record<ScoreCode, number> = {
  ...(Object.fromEntries(INDICATOR_CODES.map((c) => [c, INDICATORS[c].max])) as Record<IndicatorCode, number>),
  ...(Object.fromEntries(SUBCATEGORY_CODES.map((c) => [c, SUBCATEGORIES[c].max])) as Record<SubcategoryCode, number>),
};

/**
 * The FIW form's scores with each code's own maximum: the server checks a
 * patch to an assessment of a PR/CL edition with it, so one body with several
 * bad scores is refused with all of them at once, each at its path.
 */
export const fiwScoresPatch = z.strictObject({
  scores: z
    .strictObject(
      Object.fromEntries(
        [...INDICATOR_CODES, ...SUBCATEGORY_CODES].map((code) => [
          code,
          z.number().int().min(0).max(SCORE_MAXIMA[code]).optional(),
        ]),
      ) as Record<ScoreCode, z.ZodOptional<z.ZodNumber>>,
    )
    .optional(),
});

/** The highest score any methodology's scale may have, so a patch body is bounded before its edition is known. */
export const SCORE_CEILING = 1000;

export const previousSchema = z.strictObject({
  edition: z.number().int(),
  state: assessmentStateSchema,
  scores: z.record(z.string(), z.number().int()),
  figures: figuresSchema.nullable(),
  narratives: z.array(narrativeSchema),
});

export const studioAssessmentSchema = z.strictObject({
  id: z.number().int(),
  entity: entityRefSchema,
  edition: editionSummarySchema.extend({ state: editionStateSchema }),
  region: z.string().nullable(),
  granularity: granularitySchema,
  state: assessmentStateSchema,
  version: z
    .number()
    .int()
    .meta({ description: 'Also sent as the ETag `"<id>-<version>"`; send it back in If-Match.' }),
  scores: z.record(z.string(), z.number().int()),
  addQ: z.number().int().nullable(),
  addA: z.number().int().nullable(),
  trendArrow: trendArrowSchema.nullable(),
  narratives: z.array(narrativeSchema),
  assignees: z.array(personSchema),
  figures: figuresSchema.nullable(),
  previous: previousSchema.nullable(),
  warnings: z.array(warningSchema).meta({ description: 'The engine’s methodology warnings for this assessment.' }),
  questions: z
    .record(z.string(), z.string())
    .meta({ description: 'The edition’s official question wording by code, where it has been loaded.' }),
  methodology: methodologySchema.nullable().meta({
    description:
      'The edition’s methodology file when it is not one of the built-in files (which the browser has), e.g. fiw-2027; null otherwise.',
  }),
  updatedAt: z.string(),
  updatedBy: personSchema.nullable(),
});

const narrativeEdit = z.strictObject({
  section: narrativeSchema.shape.section,
  code: z.string().max(10),
  body: z.string().max(200_000).nullable().meta({ description: 'null deletes the text.' }),
});

export const assessmentPatchBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).meta({ description: 'Why: recorded in the revision log.' }),
  scores: z
    .record(z.string().min(1).max(20), z.number().int().min(0).max(SCORE_CEILING))
    .optional()
    .meta({
      description:
        'Scores by code in the edition’s methodology: indicator scores (FIW: A1…G4, 0–4) or, for subcategory ' +
        'assessments, subcategory totals; for another index its discretionary answers too, under their question’s ' +
        'code. Codes and maxima are checked against the edition’s methodology.',
    }),
  addQ: z.number().int().min(0).max(4).nullable().optional(),
  addA: z.number().int().min(0).max(4).nullable().optional(),
  trendArrow: trendArrowSchema.nullable().optional(),
  narratives: z.array(narrativeEdit).max(200).optional(),
});

export const workflowBody = z.strictObject({
  action: z.enum(WORKFLOW_ACTIONS),
  reason: z.string().trim().min(1).max(2000),
});

export const revisionSchema = z.strictObject({
  id: z.number().int(),
  version: z.number().int(),
  at: z.string(),
  user: personSchema.nullable(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
});
export const revisionListSchema = z.strictObject({ revisions: z.array(revisionSchema) });

export const diffQuery = z.strictObject({
  from: integerParam(1),
  to: integerParam(1).optional().meta({ description: 'Default: the current version.' }),
});
export const diffSchema = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.strictObject({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});

export const commentBody = z.strictObject({
  code: scoreCodeSchema
    .nullable()
    .default(null)
    .meta({ description: 'Indicator or subcategory; null for the whole assessment.' }),
  body: z.string().trim().min(1).max(20_000),
});
export const commentSchema = z.strictObject({
  id: z.number().int(),
  code: z.string().nullable(),
  user: personSchema,
  body: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const commentListSchema = z.strictObject({ comments: z.array(commentSchema) });

/** The last day (YYYY-MM-DD) for an assignee's part; null: no deadline. */
export const deadlineSchema = z.iso
  .date()
  .nullable()
  .meta({ description: 'The last day for this part, YYYY-MM-DD; null: no deadline.' });

/** Someone assigned to an assessment, with their deadline and whether it has passed with their part still to do. */
export const assignedPersonSchema = personSchema.extend({
  role: roleSchema,
  deadline: deadlineSchema,
  overdue: z.boolean().meta({
    description:
      'The deadline has passed and their part is still to do (an analyst’s until submitted, a reviewer’s until approved).',
  }),
});

export const assigneesBody = z.strictObject({
  assignees: z
    .array(z.strictObject({ userId: z.number().int().positive(), deadline: deadlineSchema.default(null) }))
    .max(50)
    .meta({ description: 'Everyone assigned from now on, each with their deadline; [] unassigns everyone.' }),
});
export const assigneesSchema = z.strictObject({ assignees: z.array(assignedPersonSchema) });

export const studioEditionSchema = editionSummarySchema.extend({
  state: editionStateSchema,
  blindReview: z.boolean().meta({
    description: 'While on, analysts and reviewers of this edition are not told each other’s names.',
  }),
  publishedAt: z.string().nullable(),
  releaseChecksum: z.string().nullable(),
  assessments: z.record(z.string(), z.number().int()).meta({ description: 'Count of assessments by workflow state.' }),
});
export const studioEditionListSchema = z.strictObject({ editions: z.array(studioEditionSchema) });

export const openEditionBody = z.strictObject({
  edition: editionParamSchema,
  reason: z.string().trim().min(1).max(2000).default('new edition'),
});
export const editionChangeBody = z.strictObject({
  blindReview: z.boolean().meta({ description: 'Blind review on or off for the edition.' }),
});

export const openedEditionSchema = z.strictObject({
  edition: studioEditionSchema,
  copiedFrom: z.number().int().nullable(),
  assessments: z.number().int(),
});

export const publishBody = z.strictObject({
  withhold: z.array(z.string().min(1)).max(1000).default([]).meta({ description: 'Entity ids explicitly withheld.' }),
  reason: z.string().trim().min(1).max(2000),
});
export const publishedSchema = z.strictObject({
  edition: studioEditionSchema,
  published: z.number().int(),
  withheld: z.number().int(),
  checksum: z.string(),
});

export const progressSchema = z
  .strictObject({
    scored: z.number().int().meta({ description: 'Indicators (or subcategories) with a score.' }),
    texts: z.number().int().meta({ description: 'Of those, how many have their text written.' }),
    of: z.number().int().meta({ description: 'How many the assessment’s level has (25 indicators, 7 subcategories).' }),
  })
  .meta({ description: 'How far an assessment is: scores given and texts written.' });

export const assessmentListItemSchema = z.strictObject({
  id: z.number().int(),
  entity: entityRefSchema,
  state: assessmentStateSchema,
  version: z.number().int(),
  assignees: z.array(personSchema),
  updatedAt: z.string(),
});
export const assessmentListSchema = z.strictObject({ assessments: z.array(assessmentListItemSchema) });

export const assignmentListSchema = z.strictObject({
  assessments: z.array(
    assessmentListItemSchema.extend({
      edition: z.number().int(),
      region: z.string().nullable(),
      progress: progressSchema,
      deadline: deadlineSchema.meta({ description: 'My deadline for this assessment; null: none.' }),
      overdue: z.boolean().meta({ description: 'My deadline has passed and my part is still to do.' }),
    }),
  ),
});

export const commentParams = z.strictObject({ commentId: integerParam(1) });
