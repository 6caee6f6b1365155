import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { PeopleModule } from '../people/people.module.js';
import { CreateInviteHandler } from './create-invite.handler.js';
import { InviteLookup } from './invite-lookup.js';
import { InviteTokens } from './invite-tokens.js';
import { InvitesController } from './invites.controller.js';
import { JoinController } from './join.controller.js';
import { JoinThroughInviteHandler } from './join-through-invite.handler.js';
import { RenewInviteLinkHandler } from './renew-invite-link.handler.js';
import { RevokeInviteHandler } from './revoke-invite.handler.js';

@Module({
  imports: [CommandsModule, PeopleModule],
  controllers: [InvitesController, JoinController],
  providers: [InviteTokens, InviteLookup, CreateInviteHandler, RevokeInviteHandler, RenewInviteLinkHandler, JoinThroughInviteHandler],
})
export class InvitesModule {}
