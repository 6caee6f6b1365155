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
    expiresAt: string;
    maxUses?: number;
    createdAt: string;
  }
>;

export type InviteRevoked = DomainEvent<'InviteRevoked', { inviteId: string; revokedAt: string }>;

export type InviteEvent = InviteCreated | InviteRevoked;

export const inviteStream = (inviteId: string) => `invite-${inviteId}`;
