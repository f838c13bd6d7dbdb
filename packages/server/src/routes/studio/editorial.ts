import {
  assess,
  INDICATORS,
  SUBCATEGORIES,
  SUBCATEGORY_CODES,
  TRANSITIONS,
  type IndicatorCode,
  type SubcategoryCode,
} from '@freedom-ratings/core';
import {
  assessmentAccess,
  assessmentExists,
  assessmentInput,
  assignInBulk,
  calibrationEntries,
  editionBoard,
  editionRegions,
  existingUserIds,
  findEdition,
  listEditions,
  moveAssessment,
  setVerdict,
  verdictsOn,
  type AssignmentOrder,
  type CalibrationEntry,
  type DatabaseHandle,
} from '@freedom-ratings/db';
import {
  ENDPOINTS,
  errorSchema,
  bulkApprovedSchema,
  bulkAssignedSchema,
  calibrationSchema,
  editionBoardSchema,
  verdictListSchema,
} from '@freedom-ratings/contract';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec, type SessionUser } from '../../http/route.js';
import { personMask } from '../../security/blind-review.js';
import { checkCanTransition } from '../../security/workflow-access.js';
import { assignedPerson, deadlineToday } from '../../views/assigned-person.js';
import { entityRef } from '../../views/entity-ref.js';
import { questionsAt } from '../../views/questions-at.js';
import { studioEditionView } from '../../views/studio-edition.js';

/** One edition as the studio shows it; 404 when there is none. */
async function editionView(db: DatabaseHandle, edition: number) {
  const [found] = await listEditions(db, edition);
  if (!found) throw notFound(`No edition ${edition}.`);
  return studioEditionView(found);
}

const isSubcategory = (code: string): code is SubcategoryCode =>
  (SUBCATEGORY_CODES as readonly string[]).includes(code);

/** The figure of one question for calibration: an indicator's score, or a subcategory total as core derives it. */
function figureOf(entry: CalibrationEntry, code: string): number | null {
  if (!isSubcategory(code)) return entry.scores.find((s) => s.code === code)?.value ?? null;
  const figures = assess(assessmentInput(entry.entity.name, entry.row, entry.scores)).figures;
  return figures?.subcategories?.[code] ?? null;
}

/** An assessment's verdicts with their reviewers as `viewer` may see them (blind review). */
async function shownVerdicts(db: DatabaseHandle, id: number, viewer: SessionUser, blindReview: boolean) {
  const verdicts = await verdictsOn(db, id);
  const mask = await personMask(
    db,
    viewer,
    blindReview,
    verdicts.map((v) => v.user.id),
  );
  return verdicts.map((v) => ({ ...v, user: mask(v.user) }));
}

export function editorialRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.editionBoard,
      summary: 'An edition’s progress board',
      description:
        'Every assessment with its region, state, assignees (with their roles) and progress: scores given, texts written.',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'By entity name.', schema: editionBoardSchema },
        404: { description: 'No such edition.', schema: errorSchema },
      },
      handler: async ({ params, user }) => {
        const edition = await editionView(db, params.edition);
        const [rows, regions] = await Promise.all([
          editionBoard(db, params.edition),
          editionRegions(db, params.edition),
        ]);
        const today = deadlineToday();
        const mask = await personMask(
          db,
          user!,
          edition.blindReview,
          rows.flatMap((r) => r.assignees.map((a) => a.id)),
        );
        return {
          edition,
          regions,
          assessments: rows.map((r) => ({
            id: r.id,
            entity: entityRef(r.entity),
            region: r.region,
            state: r.state,
            version: r.version,
            assignees: r.assignees.map((a) => ({ ...assignedPerson(a, r.state, today), ...mask(a) })),
            progress: { scored: r.scored, texts: r.texts, of: questionsAt(r.granularity) },
            updatedAt: r.updatedAt,
          })),
        };
      },
    }),
    defineRoute({
      ...ENDPOINTS.assignInBulk,
      summary: 'Assign a region (or the whole edition) to an analyst and a reviewer, each with a deadline',
      description:
        'Replaces who is assigned, and their deadlines, on every draft, submitted or returned assessment of the ' +
        'region; approved and published ones keep theirs.',
      tag: 'Studio',
      access: signedIn(['editor']),
      checkVisible: async (params) => {
        if (!(await findEdition(db, params.edition))) throw notFound(`No edition ${params.edition}.`);
      },
      responses: {
        200: { description: 'How many assessments were assigned.', schema: bulkAssignedSchema },
        400: { description: 'An unknown user.', schema: errorSchema },
        404: { description: 'No such edition.', schema: errorSchema },
        409: { description: 'The edition is published.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        const edition = await findEdition(db, params.edition);
        if (!edition) throw notFound(`No edition ${params.edition}.`);
        if (edition.state !== 'open')
          throw new ApiError('edition-published', `Edition ${params.edition} is published.`);
        const orders = [
          { userId: body.analystId, deadline: body.analystDeadline },
          { userId: body.reviewerId, deadline: body.reviewerDeadline },
        ].filter((o): o is AssignmentOrder => o.userId !== null);
        if (orders.length === 2 && orders[0]!.userId === orders[1]!.userId) orders.pop();
        const ids = orders.map((o) => o.userId);
        const known = await existingUserIds(db, ids);
        const missing = ids.filter((id) => !known.has(id));
        if (missing.length) throw new ApiError('unknown-user', `No user ${missing.join(', ')}.`, { missing });
        return { assigned: await assignInBulk(db, params.edition, body.region, orders, user!.id) };
      },
    }),
    defineRoute({
      ...ENDPOINTS.approveInBulk,
      summary: 'Approve several submitted assessments at once',
      description:
        'Each is approved as if one by one, under the same checks; what cannot be (not submitted, changed ' +
        'meanwhile) is skipped with its reason, and the others are still approved.',
      tag: 'Studio',
      access: signedIn(['editor']),
      checkVisible: async (params) => {
        if (!(await findEdition(db, params.edition))) throw notFound(`No edition ${params.edition}.`);
      },
      responses: {
        200: { description: 'Approved and skipped.', schema: bulkApprovedSchema },
        404: { description: 'No such edition.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        if (!(await findEdition(db, params.edition))) throw notFound(`No edition ${params.edition}.`);
        const ofEdition = new Set((await editionBoard(db, params.edition)).map((r) => r.id));
        const approved: number[] = [];
        const skipped: { id: number; reason: string }[] = [];
        for (const id of [...new Set(body.ids)]) {
          const access = await assessmentAccess(db, id, user!.id);
          if (!access || !ofEdition.has(id)) {
            skipped.push({ id, reason: `not an assessment of ${params.edition}` });
            continue;
          }
          try {
            checkCanTransition(user!, access, 'approve');
          } catch (e) {
            skipped.push({ id, reason: e instanceof Error ? e.message : String(e) });
            continue;
          }
          const moved = await moveAssessment(
            ctx.conn,
            id,
            access.version,
            user!.id,
            TRANSITIONS.approve.to,
            body.reason,
          );
          if (moved.outcome === 'written') approved.push(id);
          else skipped.push({ id, reason: 'it changed while being approved' });
        }
        return { approved, skipped };
      },
    }),
    defineRoute({
      ...ENDPOINTS.calibration,
      summary: 'One question across the entities of an edition',
      description:
        'Drafts included: for each assessment of the edition (in the region or set asked for) the score of the ' +
        'indicator — or the subcategory total — with the entity’s previous edition, the change and both texts.',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'By entity name.', schema: calibrationSchema },
        404: { description: 'No such edition.', schema: errorSchema },
      },
      handler: async ({ params, query }) => {
        if (!(await findEdition(db, params.edition))) throw notFound(`No edition ${params.edition}.`);
        const code = query.code;
        const subcategory = isSubcategory(code);
        const entities = query.entities
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const [pairs, regions] = await Promise.all([
          calibrationEntries(db, {
            edition: params.edition,
            text: { section: subcategory ? 'subcategory' : 'indicator', code },
            // A subcategory's total is derived by core from every score; an indicator needs only its own.
            scoreCodes: subcategory ? undefined : [code],
            region: query.region,
            entities,
          }),
          editionRegions(db, params.edition),
        ]);
        return {
          edition: params.edition,
          code,
          max: subcategory ? SUBCATEGORIES[code].max : INDICATORS[code as IndicatorCode].max,
          regions,
          rows: pairs.map(({ current, previous }) => {
            const score = figureOf(current, code);
            const previousScore = previous ? figureOf(previous, code) : null;
            return {
              id: current.row.id,
              entity: entityRef({ ...current.entity }),
              region: current.row.region,
              state: current.row.state,
              score,
              previousEdition: previous?.row.edition ?? null,
              previousScore,
              change: score !== null && previousScore !== null ? score - previousScore : null,
              text: current.text,
              previousText: previous?.text ?? null,
            };
          }),
        };
      },
    }),
    defineRoute({
      ...ENDPOINTS.listVerdicts,
      summary: 'Reviewers’ per-question verdicts on an assessment',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'By code, then reviewer.', schema: verdictListSchema },
        404: { description: 'No such assessment.', schema: errorSchema },
      },
      handler: async ({ params, user }) => {
        const access = await assessmentAccess(db, params.id, user!.id);
        if (!access) throw notFound(`No assessment ${params.id}.`);
        return { verdicts: await shownVerdicts(db, params.id, user!, access.blindReview) };
      },
    }),
    defineRoute({
      ...ENDPOINTS.setVerdict,
      summary: 'Agree or disagree with one question of a submitted assessment',
      description: 'A reviewer’s (or editor’s) verdict, recorded with the version it was given on; null withdraws it.',
      tag: 'Studio',
      access: signedIn(['reviewer', 'editor']),
      checkVisible: async (params) => {
        if (!(await assessmentExists(db, params.id))) throw notFound(`No assessment ${params.id}.`);
      },
      responses: {
        200: { description: 'Every verdict on the assessment now.', schema: verdictListSchema },
        404: { description: 'No such assessment.', schema: errorSchema },
        409: { description: 'Not submitted for review.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        const access = await assessmentAccess(db, params.id, user!.id);
        if (!access) throw notFound(`No assessment ${params.id}.`);
        if (access.state !== 'submitted') {
          throw new ApiError(
            'invalid-transition',
            `Verdicts are given on submitted assessments; this one is ${access.state}.`,
            {
              state: access.state,
            },
          );
        }
        await setVerdict(db, {
          assessmentId: params.id,
          code: params.code,
          userId: user!.id,
          verdict: body.verdict,
          version: access.version,
        });
        return { verdicts: await shownVerdicts(db, params.id, user!, access.blindReview) };
      },
    }),
  ];
}
