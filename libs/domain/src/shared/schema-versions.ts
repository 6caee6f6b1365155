/**
 * The current data-shape version of each event type. Bump it when a shape
 * changes and register an upcaster for the old version; docs/events.md lists them.
 */
export const SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  OrganizationCreated: 1,
  PersonJoined: 1,
  RoleChanged: 1,
  PersonSuspended: 1,
  PersonReinstated: 1,
  MemberRemoved: 1,
  RosterCarriedOver: 1,
  EmailChanged: 1,
  PasswordResetLinkIssued: 1,
  PasswordReset: 1,
  InviteCreated: 1,
  InviteRevoked: 1,
  InviteLinkRenewed: 1,
  CampaignCreated: 1,
  CampaignDetailsChanged: 1,
  CampaignLaunched: 1,
  CampaignPaused: 1,
  CampaignResumed: 1,
  CampaignArchived: 1,
  TagCreated: 1,
  TagRenamed: 1,
  TagRecoloured: 1,
  TagRegrouped: 1,
  TagArchived: 1,
  CampaignTagsChosen: 1,
  SurveyVersionSaved: 1,
  ContactUploadStarted: 1,
  ContactsChunkAccepted: 1,
  ContactUploadCompleted: 1,
  ContactUploadAbandoned: 1,
  PhonesOptedOut: 1,
  PhoneOptedIn: 1,
  InitialScriptRevised: 1,
  CannedResponseCreated: 1,
  CannedResponseEdited: 1,
  CannedResponsesReordered: 1,
  CannedResponseDeleted: 1,
};

export function schemaVersionOf(type: string): number {
  return SCHEMA_VERSIONS[type] ?? 1;
}
