import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { SetUpOrganizationHandler } from './set-up-organization.handler.js';
import { SetupController } from './setup.controller.js';

@Module({ imports: [CommandsModule], controllers: [SetupController], providers: [SetUpOrganizationHandler] })
export class SetupModule {}
