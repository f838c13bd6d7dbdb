import type { ServerContext } from '../../context.js';
import { countryReport } from '../../data/country-report.js';
import { sendCachedJson } from '../../http/cached-json.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { errorSchema } from '../../schemas/common.js';
import { countryReportSchema, reportParams, reportQuery } from '../../schemas/public.js';

export function reportRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/entities/:entity/reports/:edition',
      operationId: 'countryReport',
      summary: 'One country report',
      description:
        'Scores, change from the previous published edition, the engine’s explanation of each figure, question ' +
        'wording and narratives.',
      tag: 'Public',
      access: PUBLIC,
      params: reportParams,
      query: reportQuery,
      responses: {
        200: { description: 'The report.', schema: countryReportSchema },
        404: { description: 'No published report for this entity and edition.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(
          ctx.cache,
          request,
          reply,
          `report:${params.entity.toLowerCase()}:${params.edition}`,
          countryReportSchema,
          () => countryReport(db, params.entity, params.edition),
        ),
    }),
  ];
}
