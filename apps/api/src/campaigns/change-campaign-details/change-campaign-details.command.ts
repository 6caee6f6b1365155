import type { UpdateCampaignRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ChangeCampaignDetailsCommand {
  constructor(
    readonly campaignId: string,
    readonly request: UpdateCampaignRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
