import type { ReviseScriptRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ReviseScriptCommand {
  constructor(
    readonly campaignId: string,
    readonly request: ReviseScriptRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
