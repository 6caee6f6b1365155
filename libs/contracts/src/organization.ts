import { z } from 'zod';
import { Email, humanText, Password, PersonName } from './fields.js';

export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** First run: creates the organization and its owner, then signs the owner in. */
export const SetupOrganizationRequest = z.strictObject({
  organizationName: humanText({ max: 100 }),
  name: PersonName,
  email: Email,
  password: Password,
});
export type SetupOrganizationRequest = z.infer<typeof SetupOrganizationRequest>;
