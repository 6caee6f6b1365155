import type { CreateInviteRequest, JoinRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../commands/command-envelope.js';

export class CreateInviteCommand {
  constructor(
    readonly inviteId: string,
    readonly organizationId: string,
    readonly request: CreateInviteRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}

export class RevokeInviteCommand {
  constructor(
    readonly inviteId: string,
    readonly envelope: CommandEnvelope,
  ) {}
}

export class RenewInviteLinkCommand {
  constructor(
    readonly inviteId: string,
    readonly envelope: CommandEnvelope,
  ) {}
}

export class JoinThroughInviteCommand {
  constructor(
    readonly token: string,
    readonly personId: string,
    readonly request: JoinRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
