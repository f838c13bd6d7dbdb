import { ping } from '@freedom-ratings/db';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors/api-error.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../http/route.js';
import { ENDPOINTS, errorSchema, healthSchema } from '@freedom-ratings/contract';

export function healthRoutes(ctx: ServerContext): RouteSpec[] {
  return [
    defineRoute({
      ...ENDPOINTS.health,
      summary: 'Liveness and database check',
      description: 'Runs a query; 503 when the database does not answer, so a load balancer can take the instance out.',
      tag: 'Operations',
      access: PUBLIC,
      responses: {
        200: { description: 'Up, and the database answers.', schema: healthSchema },
        503: { description: 'The database does not answer.', schema: errorSchema },
      },
      handler: async ({ request, reply }) => {
        reply.header('cache-control', 'no-store');
        try {
          await ping(ctx.conn);
        } catch (err) {
          request.log.error({ err }, 'health check: database failed');
          throw new ApiError('database-unavailable', 'The database does not answer.');
        }
        return { status: 'ok' as const, database: ctx.conn.dialect };
      },
    }),
  ];
}
