import type { ChooseCampaignTagsRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ChooseCampaignTagsCommand {
  constructor(
    readonly campaignId: string,
    readonly organizationId: string,
    readonly request: ChooseCampaignTagsRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
