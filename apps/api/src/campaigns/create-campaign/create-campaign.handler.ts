import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CreateCampaignCommand } from './create-campaign.command.js';

@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ campaignId, organizationId, request, envelope }: CreateCampaignCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'CreateCampaign', campaignId, organizationId, ...request, now: envelope.now.toISOString() },
      envelope,
    });
  }
}
