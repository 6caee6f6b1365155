import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { PauseCampaignCommand } from './pause-campaign.command.js';

@CommandHandler(PauseCampaignCommand)
export class PauseCampaignHandler implements ICommandHandler<PauseCampaignCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ campaignId, request, envelope }: PauseCampaignCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'PauseCampaign', campaignId, now: envelope.now.toISOString() },
      envelope,
      ...(request.expectedRevision !== undefined && { expectedRevision: BigInt(request.expectedRevision) }),
    });
  }
}
