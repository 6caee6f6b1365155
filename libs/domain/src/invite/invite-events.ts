import type { DomainEvent } from '../shared/decider.js';
import type { Role } from '../person/person-events.js';

/**
 * An invite link was made. The link's secret token is never recorded: only
 * its hash is kept, outside the log.
 */
export type InviteCreated = DomainEvent<
  'InviteCreated',
  {
    inviteId: string;
    organizationId: string;
    kind: 'volunteer' | 'named';
    role: Role;
    email?: string;
    campaignId?: string;
    /** How organizers tell their links apart ("Saturday phone bank"). */
    label?: string;
    expiresAt: string;
    maxUses?: number;
    createdAt: string;
  }
>;

export type InviteRevoked = DomainEvent<'InviteRevoked', { inviteId: string; revokedAt: string }>;

/** The link's secret was replaced: the old link stops working, the invite and its uses stay. */
export type InviteLinkRenewed = DomainEvent<'InviteLinkRenewed', { inviteId: string; renewedAt: string }>;

export type InviteEvent = InviteCreated | InviteRevoked | InviteLinkRenewed;

export const inviteStream = (inviteId: string) => `invite-${inviteId}`;
