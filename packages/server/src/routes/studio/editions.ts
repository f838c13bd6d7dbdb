import type { ServerContext } from '../../context.js';
import { entityRef } from '../../data/entity-ref.js';
import { anyEdition, openEdition, publishEdition, studioEditionView } from '../../data/studio-editions.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';
import {
  ENDPOINTS,
  errorSchema,
  assessmentListSchema,
  assignmentListSchema,
  openedEditionSchema,
  publishedSchema,
  studioEditionListSchema,
} from '@freedom-ratings/contract';

export function studioEditionRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.studioEditions,
      summary: 'Every edition, open ones included, with assessments counted by workflow state',
      tag: 'Studio',
      access: signedIn(),
      responses: { 200: { description: 'Newest first.', schema: studioEditionListSchema } },
      handler: async () => {
        const rows = await db.selectFrom('editions').selectAll().orderBy('edition', 'desc').execute();
        return { editions: await Promise.all(rows.map((e) => studioEditionView(db, e))) };
      },
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
      handler: async ({ params }) => {
        await anyEdition(db, params.edition);
        const rows = await db
          .selectFrom('assessments as a')
          .innerJoin('entities as e', 'e.id', 'a.entity_id')
          .select([
            'a.id',
            'a.state',
            'a.version',
            'a.updated_at',
            'a.kind',
            'e.id as eid',
            'e.name',
            'e.code',
            'e.iso3',
          ])
          .where('a.edition', '=', params.edition)
          .orderBy('e.name')
          .execute();
        const assignments = await db
          .selectFrom('assignments as s')
          .innerJoin('assessments as a', 'a.id', 's.assessment_id')
          .innerJoin('users as u', 'u.id', 's.user_id')
          .select(['s.assessment_id', 'u.id', 'u.name'])
          .where('a.edition', '=', params.edition)
          .orderBy('u.name')
          .execute();
        return {
          assessments: rows.map((r) => ({
            id: r.id,
            entity: entityRef({ id: r.eid, name: r.name, kind: r.kind, code: r.code, iso3: r.iso3 }),
            state: r.state,
            version: r.version,
            assignees: assignments.filter((s) => s.assessment_id === r.id).map((s) => ({ id: s.id, name: s.name })),
            updatedAt: r.updated_at,
          })),
        };
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
        const { from, copied } = await openEdition(db, body.edition, user!.id, body.reason);
        return {
          edition: await studioEditionView(db, await anyEdition(db, body.edition)),
          copiedFrom: from,
          assessments: copied,
        };
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
        const outcome = await publishEdition(db, params.edition, body.withhold, user!.id, body.reason);
        ctx.cache.invalidate();
        return { edition: await studioEditionView(db, await anyEdition(db, params.edition)), ...outcome };
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
        const rows = await db
          .selectFrom('assignments as s')
          .innerJoin('assessments as a', 'a.id', 's.assessment_id')
          .innerJoin('entities as e', 'e.id', 'a.entity_id')
          .select([
            'a.id',
            'a.edition',
            'a.state',
            'a.version',
            'a.updated_at',
            'a.kind',
            'e.id as eid',
            'e.name',
            'e.code',
            'e.iso3',
          ])
          .where('s.user_id', '=', user!.id)
          .orderBy('a.edition', 'desc')
          .orderBy('e.name')
          .execute();
        const everyone = rows.length
          ? await db
              .selectFrom('assignments as s')
              .innerJoin('users as u', 'u.id', 's.user_id')
              .select(['s.assessment_id', 'u.id', 'u.name'])
              .where(
                's.assessment_id',
                'in',
                rows.map((r) => r.id),
              )
              .orderBy('u.name')
              .execute()
          : [];
        return {
          assessments: rows.map((r) => ({
            id: r.id,
            edition: r.edition,
            entity: entityRef({ id: r.eid, name: r.name, kind: r.kind, code: r.code, iso3: r.iso3 }),
            state: r.state,
            version: r.version,
            assignees: everyone.filter((s) => s.assessment_id === r.id).map((s) => ({ id: s.id, name: s.name })),
            updatedAt: r.updated_at,
          })),
        };
      },
    }),
  ];
}
