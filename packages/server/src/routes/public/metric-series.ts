import { ENDPOINTS, errorSchema, metricSeriesSchema } from '@freedom-ratings/contract';
import type { ServerContext } from '../../context.js';
import { sendCachedJson } from '../../http/cached-json.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { metricSeries } from '../../views/metric-series.js';

export function metricSeriesRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  return [
    defineRoute({
      ...ENDPOINTS.metricSeries,
      summary: 'One figure of every entity in every published edition',
      description:
        'For the map’s edition slider: the entities once, then for each published edition (oldest first) the ' +
        'entities rated in it with their status and their value of the metric. One answer per metric, cached ' +
        'until the next publication.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The series.', schema: metricSeriesSchema },
        400: { description: 'Not a metric.', schema: errorSchema },
      },
      handler: ({ request, reply, params }) =>
        sendCachedJson(ctx.cache, request, reply, `series:${params.metric}`, metricSeriesSchema, () =>
          metricSeries(db, params.metric),
        ),
    }),
  ];
}
