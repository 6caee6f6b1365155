import type { CampaignLifecycleRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class LaunchCampaignCommand {
  constructor(
    readonly campaignId: string,
    readonly request: CampaignLifecycleRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
