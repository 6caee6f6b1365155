import type { CampaignLifecycleRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ArchiveCampaignCommand {
  constructor(
    readonly campaignId: string,
    readonly request: CampaignLifecycleRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
