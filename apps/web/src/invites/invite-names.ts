import type { InviteView } from '@textbank/contracts';
import { roleTitle } from '../format/role-words';

/** What the list calls an invite: a volunteer link's own label when it has one, else what it is for. */
export function inviteName(invite: InviteView, campaignName: string | null): string {
  if (invite.kind === 'named') return `${roleTitle(invite.role)} invite for ${invite.email ?? 'one person'}`;
  return invite.label ?? volunteerLinkKind(invite, campaignName);
}

/** The line under a labelled link's name: the generic words the label replaced. Null when the name already says it. */
export function inviteKind(invite: InviteView, campaignName: string | null): string | null {
  return invite.kind === 'volunteer' && invite.label ? volunteerLinkKind(invite, campaignName) : null;
}

/** The invite inside a sentence: "the volunteer link for GOTV", "the link “Saturday phone bank”". */
export function invitePhrase(invite: InviteView, campaignName: string | null): string {
  if (invite.kind === 'volunteer' && invite.label) return `the link “${invite.label}”`;
  const name = inviteName(invite, campaignName);
  return `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

function volunteerLinkKind(invite: InviteView, campaignName: string | null): string {
  return invite.campaignId ? `Volunteer link for ${campaignName ?? 'a campaign'}` : 'Volunteer link';
}
