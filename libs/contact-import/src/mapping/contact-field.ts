/** The columns Textbank understands; every other column is a custom field. */
export const CONTACT_FIELDS = ['phone', 'firstName', 'lastName', 'zip', 'externalId'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
