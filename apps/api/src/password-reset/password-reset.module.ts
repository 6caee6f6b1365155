import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ChangeEmailHandler } from './change-email.handler.js';
import { IssuePasswordResetHandler } from './issue-password-reset.handler.js';
import { PasswordResetController } from './password-reset.controller.js';
import { ResetPasswordHandler } from './reset-password.handler.js';

/** Ways back in without a mail server: reset links passed on by an organizer, and email corrections by owners. */
@Module({
  imports: [CommandsModule, PeopleModule],
  controllers: [PasswordResetController],
  providers: [IssuePasswordResetHandler, ResetPasswordHandler, ChangeEmailHandler],
})
export class PasswordResetModule {}
