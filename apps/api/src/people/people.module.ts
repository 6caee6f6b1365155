import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { JoinedRoles } from './joined-roles.js';
import { ManagePersonHandler } from './manage-person.handler.js';
import { PeopleController } from './people.controller.js';
import { RosterCarryOver } from './roster-carry-over.js';
import { Standings } from './standings.js';

@Module({ imports: [CommandsModule], controllers: [PeopleController], providers: [ManagePersonHandler, JoinedRoles, Standings, RosterCarryOver], exports: [JoinedRoles, Standings] })
export class PeopleModule {}
