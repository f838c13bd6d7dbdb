import { z } from 'zod';

/** The answer of the liveness check, for load balancers and monitors. */
export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});
