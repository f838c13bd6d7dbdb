import { TRANSITIONS } from '@freedom-ratings/core';
import {
  ENDPOINTS,
  errorSchema,
  diffSchema,
  revisionListSchema,
  studioAssessmentSchema,
} from '@freedom-ratings/contract';
import {
  assessmentAccess,
  assessmentExists,
  loadAssessments,
  moveAssessment,
  revisionsOf,
  saveAssessmentEdit,
  type AssessmentAccess,
  type SaveOutcome,
} from '@freedom-ratings/db';
import type { FastifyReply } from 'fastify';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { isIfMatchWildcard, matchesIfMatch } from '../../http/conditional.js';
import { defineRoute, signedIn, type RouteSpec, type SessionUser } from '../../http/route.js';
import { personMask } from '../../security/blind-review.js';
import { checkCanEdit, checkCanTransition } from '../../security/workflow-access.js';
import { assessmentEtag, studioAssessment } from '../../views/studio-assessment.js';
import { diffVersions } from '../../views/version-diff.js';
import { checkPatch } from './check-patch.js';

const IF_MATCH = {
  name: 'If-Match',
  description: 'The ETag of the version the change is based on (from GET). Required.',
  required: true,
};

/** Reading an assessment is open to every signed-in role; it carries the ETag writes must send back. */
async function sendAssessment(ctx: ServerContext, reply: FastifyReply, id: number, viewer: SessionUser) {
  const view = await studioAssessment(ctx.conn.db, id, viewer);
  reply.header('etag', assessmentEtag(view.id, view.version));
  return view;
}

async function accessFor(ctx: ServerContext, id: number, user: SessionUser): Promise<AssessmentAccess> {
  const access = await assessmentAccess(ctx.conn.db, id, user.id);
  if (!access) throw notFound(`No assessment ${id}.`);
  return access;
}

/** The version the client based its change on; 428 without If-Match, 412 (with the current state) when stale. */
async function expectedVersion(
  ctx: ServerContext,
  reply: FastifyReply,
  access: AssessmentAccess,
  header: string | undefined,
  viewer: SessionUser,
): Promise<number> {
  if (!header) {
    throw new ApiError('if-match-required', 'Send If-Match with the ETag you read, so no change is lost.');
  }
  if (isIfMatchWildcard(header)) {
    throw new ApiError(
      'if-match-required',
      'If-Match: * names no version; send the ETag you read, so no change is lost.',
    );
  }
  if (!matchesIfMatch(header, assessmentEtag(access.id, access.version))) await stale(ctx, reply, access.id, viewer);
  return access.version;
}

async function stale(ctx: ServerContext, reply: FastifyReply, id: number, viewer: SessionUser): Promise<never> {
  const current = await studioAssessment(ctx.conn.db, id, viewer);
  reply.header('etag', assessmentEtag(id, current.version));
  throw new ApiError(
    'version-mismatch',
    `The assessment changed since you read it; it is now at version ${current.version}. Nothing was written.`,
    { current },
  );
}

async function finish(ctx: ServerContext, reply: FastifyReply, id: number, result: SaveOutcome, viewer: SessionUser) {
  if (result.outcome === 'stale') return stale(ctx, reply, id, viewer);
  return sendAssessment(ctx, reply, id, viewer);
}

export function assessmentRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.getAssessment,
      summary: 'Read an assessment',
      description:
        'Scores, texts, derived figures, the previous edition beside them and the engine’s methodology warnings. ' +
        'The ETag header names the version.',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'The assessment.', schema: studioAssessmentSchema },
        404: { description: 'No such assessment.', schema: errorSchema },
      },
      handler: ({ reply, params, user }) => sendAssessment(ctx, reply, params.id, user!),
    }),
    defineRoute({
      ...ENDPOINTS.updateAssessment,
      summary: 'Change scores and texts',
      description:
        'Only the fields sent change. Requires If-Match; a stale version gets 412 with the current assessment ' +
        'and writes nothing. Every changed field is logged with old and new value and the reason.',
      tag: 'Studio',
      access: signedIn(['analyst', 'editor']),
      checkVisible: async (params) => {
        if (!(await assessmentExists(db, params.id))) throw notFound(`No assessment ${params.id}.`);
      },
      headers: [IF_MATCH],
      responses: {
        200: { description: 'Written; the new version.', schema: studioAssessmentSchema },
        409: { description: 'Not editable in its state, or the edition is published.', schema: errorSchema },
        412: { description: 'Stale If-Match; `details.current` is the current assessment.', schema: errorSchema },
        428: { description: 'If-Match missing.', schema: errorSchema },
      },
      handler: async ({ request, reply, params, body, user }) => {
        const access = await accessFor(ctx, params.id, user!);
        checkCanEdit(user!, access);
        const version = await expectedVersion(ctx, reply, access, request.headers['if-match'], user!);
        await checkPatch(ctx, params.id, body);
        const saved = await saveAssessmentEdit(ctx.conn, params.id, version, user!.id, body);
        return finish(ctx, reply, params.id, saved, user!);
      },
    }),
    defineRoute({
      ...ENDPOINTS.moveAssessment,
      summary: 'Submit, return or approve',
      description:
        'draft/returned → submitted (analyst, editor); submitted/approved → returned and submitted → approved ' +
        '(reviewer, editor). Requires If-Match, like a write.',
      tag: 'Studio',
      access: signedIn(['analyst', 'reviewer', 'editor']),
      headers: [IF_MATCH],
      responses: {
        200: { description: 'Moved; the new version.', schema: studioAssessmentSchema },
        409: { description: 'Not allowed from the current state.', schema: errorSchema },
        412: { description: 'Stale If-Match.', schema: errorSchema },
      },
      handler: async ({ request, reply, params, body, user }) => {
        const access = await accessFor(ctx, params.id, user!);
        checkCanTransition(user!, access, body.action);
        const version = await expectedVersion(ctx, reply, access, request.headers['if-match'], user!);
        const to = TRANSITIONS[body.action].to;
        const moved = await moveAssessment(ctx.conn, params.id, version, user!.id, to, body.reason);
        return finish(ctx, reply, params.id, moved, user!);
      },
    }),
    defineRoute({
      ...ENDPOINTS.assessmentRevisions,
      summary: 'The revision log of an assessment',
      description: 'Every change, oldest first: who, when, field, old → new, and the reason given.',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'The log.', schema: revisionListSchema } },
      handler: async ({ params, user }) => {
        const access = await accessFor(ctx, params.id, user!);
        const revisions = await revisionsOf(db, params.id);
        const mask = await personMask(
          db,
          user!,
          access.blindReview,
          revisions.flatMap((r) => (r.user ? [r.user.id] : [])),
        );
        return { revisions: revisions.map((r) => ({ ...r, user: r.user ? mask(r.user) : null })) };
      },
    }),
    defineRoute({
      ...ENDPOINTS.assessmentDiff,
      summary: 'Differences between two versions',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'Fields that differ.', schema: diffSchema },
        400: { description: 'A version the assessment has not reached.', schema: errorSchema },
      },
      handler: async ({ params, query }) => {
        const [data] = await loadAssessments(db, { ids: [params.id], publishedOnly: false, withNarratives: true });
        if (!data) throw notFound(`No assessment ${params.id}.`);
        const revisions = await revisionsOf(db, params.id);
        return diffVersions(data, revisions, query.from, query.to ?? data.row.version);
      },
    }),
  ];
}
