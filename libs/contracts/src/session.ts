import { z } from 'zod';
import { Email } from './fields.js';

export const Role = z.enum(['owner', 'admin', 'volunteer', 'auditor']);
export type Role = z.infer<typeof Role>;

export const SignInRequest = z.strictObject({ email: Email, password: z.string().min(1, 'is required').max(200) });
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SessionView = z.object({
  person: z.object({ id: z.string(), name: z.string(), email: z.string(), role: Role }),
  organization: z.object({ id: z.string(), name: z.string() }),
});
export type SessionView = z.infer<typeof SessionView>;
