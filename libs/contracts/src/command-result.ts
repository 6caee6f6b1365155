import { z } from 'zod';

/**
 * A command's answer: what it made and where its last event stands in the
 * log. `readable` is false when the change is recorded but the read models had
 * not reached it when the server stopped waiting (a rebuild running): a read
 * right now may not show it yet; follow the live socket or read again shortly.
 */
export const CommandAccepted = z.object({ id: z.string(), position: z.string(), readable: z.boolean().default(true) });
export type CommandAccepted = z.infer<typeof CommandAccepted>;

/** Every 4xx/5xx body. `issues` names each bad field. */
export const ApiError = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
