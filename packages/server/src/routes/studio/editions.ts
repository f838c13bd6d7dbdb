import { editionInfoForOpening } from '@freedom-ratings/core';
import {
  assessmentProgress,
  assigneesOf,
  findEdition,
  listAssessments,
  listEditions,
  methodologyOfEdition,
  openEdition,
  progressAt,
  publishEdition,
  setBlindReview,
  type AssessmentListing,
  type DatabaseHandle,
} from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { questionsAt } from '../../views/questions-at.js';
import { defineRoute, signedIn, type RouteSpec, type SessionUser } from '../../http/route.js';
import { personMask } from '../../security/blind-review.js';
import {
  ENDPOINTS,
  errorSchema,
  assessmentListSchema,
  assignmentListSchema,
  openedEditionSchema,
  publishedSchema,
  studioEditionListSchema,
  studioEditionSchema,
} from '@freedom-ratings/contract';
import { assignedPerson, deadlineToday } from '../../views/assigned-person.js';
import { entityRef } from '../../views/entity-ref.js';
import { studioEditionView } from '../../views/studio-edition.js';

/** One edition as the studio shows it; 404 when there is none. */
async function editionView(db: DatabaseHandle, edition: number) {
  const [found] = await listEditions(db, edition);
  if (!found) throw notFound(`No edition ${edition}.`);
  return studioEditionView(found);
}

/**
 * Studio list lines with their assignees, from a few queries whatever their
 * number; names as `viewer` may see them under each edition's blind review.
 */
async function withAssignees(
  db: DatabaseHandle,
  listings: AssessmentListing[],
  of: { edition: number } | null,
  viewer: SessionUser,
) {
  const [assignees, editions] = await Promise.all([
    assigneesOf(db, of ?? { ids: listings.map((l) => l.id) }),
    listEditions(db, of?.edition),
  ]);
  const people = [...assignees.values()].flat().map((a) => a.id);
  const blindEditions = new Set(editions.filter((e) => e.edition.blind_review === 1).map((e) => e.edition.edition));
  const [open, blind] = await Promise.all([personMask(db, viewer, false, []), personMask(db, viewer, true, people)]);
  return listings.map((l) => ({
    id: l.id,
    edition: l.edition,
    entity: entityRef(l.entity),
    state: l.state,
    version: l.version,
    assignees: (assignees.get(l.id) ?? []).map(blindEditions.has(l.edition) ? blind : open),
    updatedAt: l.updatedAt,
    assignments: assignees.get(l.id) ?? [],
  }));
}

export function studioEditionRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.studioEditions,
      summary: 'Every edition, open ones included, with assessments counted by workflow state',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'Newest first.', schema: studioEditionListSchema } },
      handler: async () => ({ editions: (await listEditions(db)).map(studioEditionView) }),
    }),
    defineRoute({
      ...ENDPOINTS.studioAssessments,
      summary: 'An edition’s assessments with their state, version and assignees',
      tag: 'Studio',
      access: signedIn(),
      responses: {
        200: { description: 'By entity name.', schema: assessmentListSchema },
        404: { description: 'No such edition.', schema: errorSchema },
      },
      handler: async ({ params, user }) => {
        if (!(await findEdition(db, params.edition))) throw notFound(`No edition ${params.edition}.`);
        const listings = await listAssessments(db, { edition: params.edition });
        const assessments = await withAssignees(db, listings, { edition: params.edition }, user!);
        return { assessments: assessments.map(({ edition: _edition, assignments: _assignments, ...a }) => a) };
      },
    }),
    defineRoute({
      ...ENDPOINTS.openEdition,
      summary: 'Open a new edition',
      description: 'Copies the previous edition’s scores and texts into drafts of the new one.',
      tag: 'Studio',
      access: signedIn(['editor']),
      responses: {
        201: { description: 'Opened.', schema: openedEditionSchema },
        409: { description: 'The edition exists.', schema: errorSchema },
      },
      handler: async ({ body, user }) => {
        const info = editionInfoForOpening(body.edition);
        const methodology = await methodologyOfEdition(db, body.edition);
        if (!info || !methodology) {
          throw new ApiError(
            'unknown-edition',
            `Edition ${body.edition} has no methodology: load one that lists it, or make one with POST /api/v1/studio/methodologies/new.`,
          );
        }
        const opened = await openEdition(
          ctx.conn,
          { ...info, methodology: { id: methodology.id, version: methodology.version } },
          user!.id,
          body.reason,
        );
        if (opened.outcome === 'exists')
          throw new ApiError('edition-exists', `Edition ${body.edition} exists already.`);
        return {
          edition: await editionView(db, body.edition),
          copiedFrom: opened.from,
          assessments: opened.copied,
        };
      },
    }),
    defineRoute({
      ...ENDPOINTS.updateEdition,
      summary: 'Turn an edition’s blind review on or off',
      description:
        'While on, the API does not tell analysts the reviewers’ names or reviewers the analysts’ (assignees, ' +
        'comments, verdicts, revisions, last change): they read "Anonymous reviewer" / "Anonymous analyst" with ' +
        'a null id. Editors and admins see every name.',
      tag: 'Studio',
      access: signedIn(['editor']),
      responses: {
        200: { description: 'The edition now.', schema: studioEditionSchema },
        404: { description: 'No such edition.', schema: errorSchema },
      },
      handler: async ({ params, body }) => {
        if (!(await setBlindReview(db, params.edition, body.blindReview))) {
          throw notFound(`No edition ${params.edition}.`);
        }
        return editionView(db, params.edition);
      },
    }),
    defineRoute({
      ...ENDPOINTS.publishEdition,
      summary: 'Publish an edition',
      description:
        'Every assessment must be approved or explicitly withheld. Freezes the release with its SHA-256 checksum ' +
        'and makes the approved assessments public at once.',
      tag: 'Studio',
      access: signedIn(['editor']),
      responses: {
        200: { description: 'Published.', schema: publishedSchema },
        409: {
          description: 'Not every assessment is approved or withheld, or already published.',
          schema: errorSchema,
        },
      },
      handler: async ({ params, body, user }) => {
        const { edition } = params;
        const result = await publishEdition(ctx.conn, edition, body.withhold, user!.id, body.reason);
        switch (result.outcome) {
          case 'no-edition':
            throw notFound(`No edition ${edition}.`);
          case 'already-published':
            throw new ApiError('edition-published', `Edition ${edition} is already published.`);
          case 'unknown-entities':
            throw new ApiError(
              'unknown-entity',
              `Edition ${edition} has no assessment of ${result.unknown.join(', ')}.`,
              {
                unknown: result.unknown,
              },
            );
          case 'not-ready':
            throw new ApiError(
              'not-ready',
              `${result.blocking.length} assessment(s) are neither approved nor withheld.`,
              {
                blocking: result.blocking,
              },
            );
          case 'stale':
            throw new ApiError(
              'concurrent-change',
              'An assessment changed while publishing; nothing was published. Try again.',
            );
        }
        ctx.cache.invalidate();
        const { published, withheld, checksum } = result;
        return { edition: await editionView(db, edition), published, withheld, checksum };
      },
    }),
    defineRoute({
      ...ENDPOINTS.myAssignments,
      summary: 'The assessments assigned to the signed-in user',
      description: 'Newest edition first; what an analyst works on.',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'Assigned assessments.', schema: assignmentListSchema } },
      handler: async ({ user }) => {
        const listings = await listAssessments(db, { assignedTo: user!.id });
        const progress = await assessmentProgress(
          db,
          listings.map((l) => l.id),
        );
        const byId = new Map(listings.map((l) => [l.id, l]));
        const today = deadlineToday();
        return {
          assessments: (await withAssignees(db, listings, null, user!)).map(({ assignments, ...a }) => {
            const { region, granularity } = byId.get(a.id)!;
            const mine = assignments.find((s) => s.id === user!.id);
            return {
              ...a,
              region,
              progress: { ...progressAt(progress, a.id, granularity), of: questionsAt(granularity) },
              deadline: mine?.deadline ?? null,
              overdue: mine ? assignedPerson(mine, a.state, today).overdue : false,
            };
          }),
        };
      },
    }),
  ];
}
