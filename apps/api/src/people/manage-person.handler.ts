import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream, type RosterCommand } from '@textbank/domain';
import { Credentials } from '../auth/credentials.js';
import { Sessions } from '../auth/sessions.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { JoinedRoles } from './joined-roles.js';
import { ManagePersonCommand } from './manage-person.command.js';

/**
 * Every change to a member's standing goes through the organization's stream,
 * appended at the revision it was decided on: two owners demoting each other
 * at once, in one process or two, cannot both succeed, so the organization
 * always keeps an active owner.
 */
@CommandHandler(ManagePersonCommand)
export class ManagePersonHandler implements ICommandHandler<ManagePersonCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly joinedRoles: JoinedRoles,
    private readonly sessions: Sessions,
    private readonly credentials: Credentials,
  ) {}

  async execute({ organizationId, change, envelope }: ManagePersonCommand): Promise<CommandOutcome> {
    const [target, actor] = await Promise.all([this.joinedRoles.of(change.personId), this.joinedRoles.of(change.by)]);
    const command = { ...change, joined: { ...(target && { target }), ...(actor && { actor }) } } as RosterCommand;
    const outcome = await this.executor.execute({ stream: organizationStream(organizationId), decider: organizationDecider, command, envelope });
    if (!outcome.ok) return outcome;
    // Suspension and removal end every session at once; sockets are cut by the gateway when the change is projected.
    if (command.type === 'SuspendPerson' || command.type === 'RemoveMember') this.sessions.endAllFor(command.personId);
    if (command.type === 'RemoveMember') this.credentials.release(command.personId);
    return outcome;
  }
}
