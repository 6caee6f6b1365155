import type { InviteStatus, InviteView } from '@textbank/contracts';

/**
 * The server works out the status when it lists invites; an open link can
 * expire while the list is on screen, so expiry is checked again against now.
 */
export function shownStatus(invite: InviteView, now: number): InviteStatus {
  return invite.status === 'open' && Date.parse(invite.expiresAt) <= now ? 'expired' : invite.status;
}

/** "3 / 50", or "3 / no limit" for a link without a maximum. */
export function usesText(invite: InviteView): string {
  return `${invite.uses} / ${invite.maxUses ?? 'no limit'}`;
}

/** Newest first: the link just made is at the top. */
export function newestInviteFirst(a: InviteView, b: InviteView): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);
}

/** Words for a status the badge alone does not explain; null for the plain ones. */
export function statusExplanation(status: InviteStatus, createdBy: string): string | null {
  if (status === 'inactive') return `Does not work while ${createdBy} is not an active owner or admin; works again if they are made one again.`;
  return null;
}
