import { z } from 'zod';

/** Positions in the event log travel as decimal strings (they are 64-bit). */
const MAX_POSITION = 2n ** 63n - 1n;
export const PositionText = z
  .string()
  .regex(/^\d{1,19}$/, 'must be a decimal position')
  .refine((text) => !/^\d{1,19}$/.test(text) || BigInt(text) <= MAX_POSITION, 'must be at most 2^63-1');

export const Email = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address'));

export const PASSWORD_RULE = 'at least 12 characters, at most 200';
export const Password = z.string().min(12, `must be ${PASSWORD_RULE}`).max(200, `must be ${PASSWORD_RULE}`);

export const PersonName = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

export const Actor = z.object({ id: z.string(), kind: z.enum(['person', 'system']), name: z.string().optional() });
export type Actor = z.infer<typeof Actor>;
