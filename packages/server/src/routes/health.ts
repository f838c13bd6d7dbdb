import { ping } from '@freedom-ratings/db';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors/api-error.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../http/route.js';
import { ENDPOINTS, errorSchema, healthSchema } from '@freedom-ratings/contract';

/** A load balancer's probe must get an answer, whatever the database does. */
const HEALTH_DEADLINE_MS = 2000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export function healthRoutes(ctx: ServerContext): RouteSpec[] {
  return [
    defineRoute({
      ...ENDPOINTS.health,
      summary: 'Liveness and database check',
      description:
        'Runs a query; 503 when the database does not answer within 2 s, so a load balancer can take the instance ' +
        'out. Never waits for a lock: on SQLite it reads, which another process’s write does not hold up.',
      tag: 'Operations',
      access: PUBLIC,
      responses: {
        200: { description: 'Up, and the database answers.', schema: healthSchema },
        503: { description: 'The database does not answer.', schema: errorSchema },
      },
      handler: async ({ request, reply }) => {
        reply.header('cache-control', 'no-store');
        try {
          await withDeadline(ping(ctx.conn), HEALTH_DEADLINE_MS);
        } catch (err) {
          request.log.error({ err }, 'health check: database failed');
          throw new ApiError('database-unavailable', 'The database does not answer.');
        }
        return { status: 'ok' as const, database: ctx.conn.dialect };
      },
    }),
  ];
}
