import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { ArchiveCampaignCommand } from './archive-campaign.command.js';

@CommandHandler(ArchiveCampaignCommand)
export class ArchiveCampaignHandler implements ICommandHandler<ArchiveCampaignCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ campaignId, request, envelope }: ArchiveCampaignCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'ArchiveCampaign', campaignId, now: envelope.now.toISOString() },
      envelope,
      ...(request.expectedRevision !== undefined && { expectedRevision: BigInt(request.expectedRevision) }),
    });
  }
}
