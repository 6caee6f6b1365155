import type { OptOutSource } from '@textbank/domain';
import type { CommandEnvelope } from '../commands/command-envelope.js';

export class OptOutPhonesCommand {
  constructor(
    readonly organizationId: string,
    readonly phones: readonly string[],
    readonly source: OptOutSource,
    readonly envelope: CommandEnvelope,
    readonly note?: string,
  ) {}
}
