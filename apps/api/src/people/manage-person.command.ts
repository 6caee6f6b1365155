import type { ChangeRole, ReinstatePerson, SuspendPerson } from '@textbank/domain';
import type { CommandEnvelope } from '../commands/command-envelope.js';

/** A role change, suspension or reinstatement, decided by the person decider. */
export class ManagePersonCommand {
  constructor(
    readonly command: ChangeRole | SuspendPerson | ReinstatePerson,
    readonly envelope: CommandEnvelope,
    readonly expectedRevision?: bigint,
  ) {}
}
