import type { SetupOrganizationRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../commands/command-envelope.js';

export class SetUpOrganizationCommand {
  constructor(
    readonly request: SetupOrganizationRequest,
    readonly personId: string,
    readonly envelope: CommandEnvelope,
  ) {}
}
