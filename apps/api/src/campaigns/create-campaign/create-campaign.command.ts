import type { CreateCampaignRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class CreateCampaignCommand {
  constructor(
    readonly campaignId: string,
    readonly organizationId: string,
    readonly request: CreateCampaignRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
