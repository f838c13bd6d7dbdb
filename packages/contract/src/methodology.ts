import {
  ELECTORAL_DEMOCRACY_RULE_KINDS,
  ENTITY_KINDS,
  GRANULARITIES,
  STATUSES,
  METHODOLOGY_FORMAT,
  methodologyProblems,
  STATUS_RULE_KINDS,
  TREND_ARROW_RULE_KINDS,
  type Methodology,
  type MethodologyProblem,
} from '@freedom-ratings/core';
import { z } from 'zod';
import { integerParam } from './integer.js';

/*
 * The methodology file format's shape as a zod schema. It lives here rather
 * than in core because core has no dependencies and runs in the explorer,
 * which keeps zod out of its bundle; the contract already owns every schema
 * that crosses a boundary, and the studio API takes and gives these files.
 * What a schema cannot say (gaps between bands, maxima that must add up,
 * codes a rule names) is core's `methodologyProblems`; `readMethodology` runs
 * both. `methodology.schema.json` beside this package is generated from it.
 */

const code = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{0,31}$/)
  .meta({ description: 'A letter, then letters, digits, ".", "_" or "-"; unique across the file.' });
const text = z.string().trim().min(1).max(2000);
const wholeNumber = z.number().int();

const bandSchema = z.strictObject({
  rating: z.literal([1, 2, 3, 4, 5, 6, 7]),
  min: wholeNumber
    .nullable()
    .meta({ description: 'Lowest score of the band; null leaves the last band open downwards.' }),
  max: wholeNumber,
});

const indicatorSchema = z.strictObject({
  code,
  title: text.meta({ description: 'Short title for tables and forms.' }),
  question: text.meta({ description: 'The question as the scoring form asks it.' }),
  max: wholeNumber.min(1).meta({ description: 'Scored as a whole number from 0 to max.' }),
});

const subcategorySchema = z.strictObject({
  code,
  name: text,
  max: wholeNumber.meta({ description: 'The sum of its indicators’ maxima.' }),
  indicators: z.array(indicatorSchema),
});

const categorySchema = z.strictObject({
  code,
  name: text,
  max: wholeNumber.meta({ description: 'The sum of its subcategories’ maxima.' }),
  bands: z
    .array(bandSchema)
    .meta({ description: 'Score → rating, rating 1 (highest scores) first, with no gap and no overlap.' }),
  subcategories: z.array(subcategorySchema),
});

const discretionarySchema = z.strictObject({
  code,
  label: text.meta({ description: 'Name as printed in the data, e.g. "Add Q".' }),
  effect: z.enum(['adds', 'subtracts']),
  category: code.meta({ description: 'The category whose score it changes.' }),
  min: wholeNumber.min(0),
  max: wholeNumber.min(0),
  summary: text,
});

const note = text.meta({ description: 'What the rule means, in a sentence.' });

/** A rule union whose unknown `kind` is reported as such, with the names it could have been. */
function ruleUnion<const T extends readonly [z.ZodObject, ...z.ZodObject[]]>(
  what: string,
  kinds: readonly string[],
  options: T,
) {
  return z.discriminatedUnion('kind', options, {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown ${what} rule ${JSON.stringify((issue.input as { kind?: unknown } | undefined)?.kind)}; known: ${kinds.map((k) => `"${k}"`).join(', ')}`
        : undefined,
  });
}

const statusRuleSchema = ruleUnion('status', STATUS_RULE_KINDS, [
  z.strictObject({ kind: z.literal('freedom-rating'), freeMax: z.number(), partlyFreeMax: z.number() }),
  z.strictObject({
    kind: z.literal('freedom-rating-with-raw-points'),
    freeMax: z.number(),
    partlyFreeMax: z.number(),
    undecided: z.array(z.number()),
    note,
  }),
  z.strictObject({ kind: z.literal('stated'), note }),
  z.strictObject({ kind: z.literal('total-score'), freeMin: wholeNumber, partlyFreeMin: wholeNumber }),
]);

const electoralDemocracyRuleSchema = ruleUnion('electoral-democracy', ELECTORAL_DEMOCRACY_RULE_KINDS, [
  z.strictObject({
    kind: z.literal('thresholds'),
    minimums: z
      .record(z.string(), wholeNumber)
      .meta({ description: 'Category or subcategory code → the lowest score that passes.' }),
    note,
  }),
  z.strictObject({ kind: z.literal('undetermined'), note }),
]);

const trendArrowRuleSchema = ruleUnion('trend-arrow', TREND_ARROW_RULE_KINDS, [
  z.strictObject({ kind: z.literal('without-rating-change'), note }),
  z.strictObject({ kind: z.literal('net-score-change'), note }),
]);

export const methodologyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
  .meta({ description: 'Lower-case letters, digits and "-", e.g. "fiw-2019".' });

export const methodologySchema = z
  .strictObject({
    format: z.literal(METHODOLOGY_FORMAT),
    id: methodologyIdSchema,
    version: wholeNumber.min(1),
    name: text,
    editions: z.array(wholeNumber.min(1973).max(2100)).meta({ description: 'The edition keys it applies to.' }),
    scored: z.boolean().meta({ description: 'false: ratings only (FIW before 2003).' }),
    checklist: z.string().nullable().meta({ description: 'Which wording of the questions applies.' }),
    categories: z.array(categorySchema),
    discretionary: z.array(discretionarySchema),
    status: statusRuleSchema,
    electoralDemocracy: electoralDemocracyRuleSchema,
    trendArrow: trendArrowRuleSchema,
  })
  .meta({
    title: 'Freedom Ratings methodology',
    description: 'The rules of one or more editions: see docs/methodology-format.md.',
  });

/** Compile-time proof that the schema describes core's `Methodology`, both ways. */
type Parsed = z.output<typeof methodologySchema>;
const _fits: (m: Parsed) => Methodology = (m) => m;
const _covers: (m: Methodology) => z.input<typeof methodologySchema> = (m) =>
  m as unknown as z.input<typeof methodologySchema>;
void _fits;
void _covers;

export type MethodologyReading =
  { methodology: Methodology; problems: [] } | { methodology: null; problems: MethodologyProblem[] };

const jsonPath = (path: readonly PropertyKey[]) =>
  '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

/**
 * A methodology file's content, checked: its shape (every field, each at its
 * JSON path), then, if the shape is right, everything a schema cannot say.
 * Every problem is given, not just the first.
 */
export function readMethodology(json: unknown): MethodologyReading {
  const parsed = methodologySchema.safeParse(json);
  if (!parsed.success) {
    return {
      methodology: null,
      problems: parsed.error.issues.map((i) => ({
        path: jsonPath(i.path),
        code: i.code === 'invalid_union' && i.path[i.path.length - 1] === 'kind' ? 'unknown-rule' : 'shape',
        message: i.message,
      })),
    };
  }
  const methodology = parsed.data as Methodology;
  const problems = methodologyProblems(methodology);
  return problems.length ? { methodology: null, problems } : { methodology, problems: [] };
}

/** The JSON Schema of the file format (draft 2020-12), for editors and other languages' validators. */
export function methodologyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(methodologySchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

// ---- The studio's methodology endpoints ----

export const methodologyRefSchema = z.strictObject({ id: methodologyIdSchema, version: wholeNumber.min(1) });

export const methodologyParams = z.strictObject({
  id: methodologyIdSchema,
  version: integerParam(1),
});

export const methodologyProblemSchema = z.strictObject({
  path: z.string().meta({ description: 'JSON path in the file, e.g. `$.categories[0].bands[2].max`.' }),
  code: z.string(),
  message: z.string(),
});

export const methodologyFileBody = z.strictObject({
  methodology: z.unknown().meta({
    description: 'A methodology file (see the JSON Schema `methodology.schema.json`); checked by the server.',
  }),
});

export const methodologyValidationSchema = z.strictObject({
  valid: z.boolean(),
  problems: z.array(methodologyProblemSchema).meta({ description: 'Every problem, each at its JSON path.' }),
});

export const methodologySummarySchema = z.strictObject({
  id: methodologyIdSchema,
  version: wholeNumber,
  name: z.string(),
  editions: z.array(wholeNumber),
  builtIn: z.boolean().meta({ description: 'Shipped with the project; never changes.' }),
  usedBy: z
    .array(z.strictObject({ edition: wholeNumber, state: z.enum(['open', 'published']) }))
    .meta({ description: 'This database’s editions scored with it; a published one makes it immutable.' }),
});

export const methodologyListSchema = z.strictObject({ methodologies: z.array(methodologySummarySchema) });

export const storedMethodologySchema = z.strictObject({
  id: methodologyIdSchema,
  version: wholeNumber.meta({ description: 'The version stored: the next one when the named one may not change.' }),
  outcome: z.enum(['created', 'unchanged', 'replaced', 'new-version']),
  message: z.string(),
});

export const newMethodologyBody = z.strictObject({
  edition: wholeNumber.min(1973).max(2100).meta({ description: 'The new edition, e.g. 2027.' }),
  from: wholeNumber.min(1973).max(2100).meta({ description: 'The edition whose rules to copy, e.g. 2026.' }),
  id: methodologyIdSchema.optional().meta({ description: 'Default: the source id with the new edition (fiw-2027).' }),
});

const scoreMapSchema = z.record(z.string(), z.number());

export const indexScoreBody = z.strictObject({
  indicators: scoreMapSchema.optional().meta({ description: 'Indicator scores by the methodology’s codes.' }),
  subcategories: scoreMapSchema.optional(),
  discretionary: scoreMapSchema.optional().meta({ description: 'Discretionary answers by question code.' }),
  kind: z.enum(ENTITY_KINDS).optional(),
  status: z.enum(STATUSES).optional().meta({ description: 'Where the status rule needs a stated status.' }),
});

export const indexFiguresSchema = z.strictObject({
  methodology: methodologyRefSchema,
  granularity: z.enum(GRANULARITIES),
  subcategories: scoreMapSchema.nullable(),
  categories: z.array(z.strictObject({ code: z.string(), score: z.number().nullable(), rating: wholeNumber })),
  total: z.number().nullable(),
  freedomRating: z.number().meta({ description: 'Mean of the category ratings.' }),
  status: z.enum(STATUSES).nullable(),
  statusBasis: z.enum(['rule', 'stated', 'undetermined']),
  electoralDemocracy: z.boolean().nullable(),
});
