import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  store: z.object({ adapter: z.string(), head: z.string() }),
  projections: z.object({ checkpoint: z.string(), lagEvents: z.number(), caughtUp: z.boolean() }),
});
export type Health = z.infer<typeof Health>;
