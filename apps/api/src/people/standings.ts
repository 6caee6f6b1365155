import { Injectable } from '@nestjs/common';
import { organizationDecider, organizationStream, standingOf, type Standing } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';
import { JoinedRoles } from './joined-roles.js';

/** A member's standing now, read from the roster in the log (not from a read model). */
@Injectable()
export class Standings {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly joinedRoles: JoinedRoles,
  ) {}

  async of(organizationId: string, personId: string): Promise<Standing | undefined> {
    const [roster, joined] = await Promise.all([
      this.executor.current(organizationStream(organizationId), organizationDecider),
      this.joinedRoles.of(personId),
    ]);
    return standingOf(roster.standings, personId, joined);
  }
}
