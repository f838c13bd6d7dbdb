import { CORRECTION_PROPOSERS, CORRECTION_TRANSITIONS, roleAllows, type CorrectionAction } from '@freedom-ratings/core';
import {
  ENDPOINTS,
  correctionListSchema,
  correctionPublishedSchema,
  correctionSchema,
  errorSchema,
} from '@freedom-ratings/contract';
import {
  assessmentAccess,
  changeLabel,
  correctionChanges,
  CorrectionRefusedError,
  errataOf,
  listCorrections,
  moveCorrection,
  proposeCorrection,
  publishCorrection,
  type CorrectionEdit,
  type CorrectionRecord,
} from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { ApiError, forbidden, notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec, type SessionUser } from '../../http/route.js';
import { entityRef } from '../../views/entity-ref.js';
import { checkPatch } from './check-patch.js';

const REFUSALS = {
  'not-published': 'not-published',
  'no-change': 'no-change',
  stale: 'concurrent-change',
  state: 'invalid-transition',
} as const;

/** The database's refusals as the API's errors; anything else is ours to fix. */
async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof CorrectionRefusedError) throw new ApiError(REFUSALS[e.why], e.message);
    throw e;
  }
}

const editOf = (body: CorrectionEdit & { reason: string }): CorrectionEdit => {
  const { reason: _reason, ...edit } = body;
  return edit;
};

/** Corrections to published assessments: proposed, reviewed by someone else, published as the next release. */
export function correctionRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;

  /** What it changes: the preview while under review, the errata its release recorded once published. */
  const view = async (c: CorrectionRecord) => {
    const changes =
      c.release === null
        ? await correctionChanges(db, c.assessmentId, c.edit)
        : (await errataOf(db, { entityId: c.entity.id })).filter(
            (e) => e.edition === c.edition && e.release === c.release,
          );
    return {
      id: c.id,
      assessmentId: c.assessmentId,
      entity: entityRef(c.entity),
      edition: c.edition,
      state: c.state,
      reason: c.reason,
      note: c.note,
      edit: c.edit,
      changes: changes.map((x) => ({ field: x.field, label: changeLabel(x.field), old: x.old, new: x.new })),
      createdBy: c.createdBy,
      createdAt: c.createdAt,
      updatedBy: c.updatedBy,
      updatedAt: c.updatedAt,
      release: c.release,
    };
  };

  /** Analysts see the corrections they proposed; reviewers, editors and admins see all. Others' are 404, as if absent. */
  const visible = async (id: number, user: SessionUser) => {
    const [c] = await listCorrections(db, { id });
    if (!c || (user.role === 'analyst' && c.createdBy.id !== user.id)) throw notFound(`No correction ${id}.`);
    return c;
  };

  const move = async (id: number, user: SessionUser, action: CorrectionAction) => {
    const c = await visible(id, user);
    const rule = CORRECTION_TRANSITIONS[action];
    if (!roleAllows(user.role, rule.roles))
      throw forbidden(`Only ${rule.roles.join(' or ')} may ${action} a correction.`);
    // Nobody reviews their own correction, unless the organisation runs on one admin account.
    if (rule.notByAuthor && c.createdBy.id === user.id && user.role !== 'admin') {
      throw forbidden(`You proposed this correction; someone else must ${action} it.`);
    }
    return c;
  };

  return [
    defineRoute({
      ...ENDPOINTS.proposeCorrection,
      summary: 'Propose a correction to a published assessment',
      description:
        'The fields to change, as a save sends them, and why. The published assessment does not change until an ' +
        'editor publishes the approved correction; the answer previews what it changes (`changes`).',
      tag: 'Studio',
      access: signedIn(CORRECTION_PROPOSERS),
      responses: {
        201: { description: 'Proposed, awaiting review.', schema: correctionSchema },
        403: { description: 'An analyst the assessment is not assigned to.', schema: errorSchema },
        404: { description: 'No such assessment.', schema: errorSchema },
        409: { description: 'The assessment is not published.', schema: errorSchema },
        422: { description: 'The correction changes nothing published.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        const access = await assessmentAccess(db, params.id, user!.id);
        if (!access) throw notFound(`No assessment ${params.id}.`);
        if (user!.role === 'analyst' && !access.assigned) throw forbidden('This assessment is not assigned to you.');
        await checkPatch(ctx, params.id, editOf(body));
        const id = await refusing(() =>
          proposeCorrection(ctx.conn, {
            assessmentId: params.id,
            edit: editOf(body),
            reason: body.reason,
            userId: user!.id,
          }),
        );
        return view(await visible(id, user!));
      },
    }),
    defineRoute({
      ...ENDPOINTS.listCorrections,
      summary: 'Corrections',
      description: 'Newest first; filter by `edition` and `state`. Analysts see the corrections they proposed.',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'The corrections.', schema: correctionListSchema } },
      handler: async ({ query, user }) => {
        const all = await listCorrections(db, { edition: query.edition, state: query.state });
        const shown = user!.role === 'analyst' ? all.filter((c) => c.createdBy.id === user!.id) : all;
        return { corrections: await Promise.all(shown.map(view)) };
      },
    }),
    defineRoute({
      ...ENDPOINTS.getCorrection,
      summary: 'A correction, with what it changes',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'The correction.', schema: correctionSchema },
        404: { description: 'No such correction (or not one of yours, for an analyst).', schema: errorSchema },
      },
      handler: async ({ params, user }) => view(await visible(params.correctionId, user!)),
    }),
    defineRoute({
      ...ENDPOINTS.resubmitCorrection,
      summary: 'Resubmit a returned correction',
      description: 'A new edit and reason, against the published assessment as it now stands; back to review.',
      tag: 'Studio',
      access: signedIn(['analyst', 'editor']),
      responses: {
        200: { description: 'Resubmitted.', schema: correctionSchema },
        403: { description: 'Not its author or an editor.', schema: errorSchema },
        409: { description: 'Not returned.', schema: errorSchema },
        422: { description: 'The correction changes nothing published.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        const c = await move(params.correctionId, user!, 'resubmit');
        if (user!.role === 'analyst' && c.createdBy.id !== user!.id) throw forbidden('Only its author resubmits it.');
        await checkPatch(ctx, c.assessmentId, editOf(body));
        const rule = CORRECTION_TRANSITIONS.resubmit;
        await refusing(() =>
          moveCorrection(ctx.conn, c.id, {
            from: rule.from,
            to: rule.to,
            userId: user!.id,
            note: null,
            resubmitted: { edit: editOf(body), reason: body.reason },
          }),
        );
        return view(await visible(c.id, user!));
      },
    }),
    defineRoute({
      ...ENDPOINTS.moveCorrection,
      summary: 'Approve a correction, or return it with a note',
      description:
        'Reviewers and editors, never the correction’s author (an admin may, for a one-person organisation).',
      tag: 'Studio',
      access: signedIn(['reviewer', 'editor']),
      responses: {
        200: { description: 'Moved.', schema: correctionSchema },
        403: { description: 'Its author, or a role that does not review.', schema: errorSchema },
        409: { description: 'Not allowed from its state.', schema: errorSchema },
      },
      handler: async ({ params, body, user }) => {
        const c = await move(params.correctionId, user!, body.action);
        if (body.action === 'return' && !body.note) {
          throw new ApiError('invalid-request', 'Say what to fix: returning a correction needs a note.', {
            problems: [{ location: 'body', path: 'note', message: 'required to return' }],
          });
        }
        const rule = CORRECTION_TRANSITIONS[body.action];
        await refusing(() =>
          moveCorrection(ctx.conn, c.id, { from: rule.from, to: rule.to, userId: user!.id, note: body.note ?? null }),
        );
        return view(await visible(c.id, user!));
      },
    }),
    defineRoute({
      ...ENDPOINTS.publishCorrection,
      summary: 'Publish an approved correction as the edition’s next release',
      description:
        'Writes the correction to the published assessment, freezes the edition’s next release and adds an errata ' +
        'entry for each published figure or text it changes (public at `/api/v1/editions/{edition}/errata`). ' +
        'Release 1 and every earlier release stay downloadable byte for byte.',
      tag: 'Studio',
      access: signedIn(['editor']),
      responses: {
        200: { description: 'Published.', schema: correctionPublishedSchema },
        409: {
          description: 'Not approved, or the assessment changed since the correction was made.',
          schema: errorSchema,
        },
      },
      handler: async ({ params, user }) => {
        const c = await move(params.correctionId, user!, 'publish');
        const published = await refusing(() => publishCorrection(ctx.conn, c.id, user!.id));
        ctx.cache.invalidate();
        return { correction: await view(await visible(c.id, user!)), ...published };
      },
    }),
  ];
}
