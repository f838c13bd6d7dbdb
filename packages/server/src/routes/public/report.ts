import type { ServerContext } from '../../context.js';
import { sendCachedBody, sendCachedJson } from '../../http/cached-json.js';
import { DOCUMENT_CSP } from '../../http/create-app.js';
import { REPORT_CONTENT_TYPES, reportRepresentation } from '../../http/report-format.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema, countryReportSchema } from '@freedom-ratings/contract';
import { countryReport } from '../../views/country-report.js';
import { renderedReport } from '../../views/rendered-report.js';

export function reportRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.countryReport,
      summary: 'One country report',
      description:
        'Scores, change from the previous published edition, the engine’s explanation of each figure, question ' +
        'wording and narratives. `?format=text|markdown|html` (or Accept: text/plain, text/markdown, text/html) ' +
        'renders the report in its era’s layout instead.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: {
          description: 'The report: JSON, or rendered in the layout of its edition’s era.',
          schema: countryReportSchema,
          contentTypes: ['text/plain', 'text/markdown', 'text/html'],
        },
        404: { description: 'No published report for this entity and edition.', schema: errorSchema },
      },
      handler: ({ request, reply, params, query }) => {
        const format = reportRepresentation(request, query.format);
        const key = `report:${params.entity.toLowerCase()}:${params.edition}:${format}`;
        if (format === 'json') {
          return sendCachedJson(
            ctx.cache,
            request,
            reply,
            key,
            countryReportSchema,
            () => countryReport(db, params.entity, params.edition),
            'Accept, Accept-Encoding',
          );
        }
        if (format === 'html') reply.header('content-security-policy', DOCUMENT_CSP);
        return sendCachedBody(
          ctx.cache,
          request,
          reply,
          key,
          REPORT_CONTENT_TYPES[format],
          () => renderedReport(db, params.entity, params.edition, format),
          'Accept, Accept-Encoding',
        );
      },
    }),
  ];
}
