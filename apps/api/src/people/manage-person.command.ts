import type { RosterCommand } from '@textbank/domain';
import type { CommandEnvelope } from '../commands/command-envelope.js';

/** A role change, suspension, reinstatement or removal: decided on the organization's roster. */
export class ManagePersonCommand {
  constructor(
    readonly organizationId: string,
    readonly change: DistributiveOmit<RosterCommand, 'joined'>,
    readonly envelope: CommandEnvelope,
  ) {}
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
