import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { ManagePersonHandler } from './manage-person.handler.js';
import { PeopleController } from './people.controller.js';

@Module({ imports: [CommandsModule], controllers: [PeopleController], providers: [ManagePersonHandler] })
export class PeopleModule {}
