import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { ChangeCampaignDetailsCommand } from './change-campaign-details.command.js';

@CommandHandler(ChangeCampaignDetailsCommand)
export class ChangeCampaignDetailsHandler implements ICommandHandler<ChangeCampaignDetailsCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ campaignId, request, envelope }: ChangeCampaignDetailsCommand): Promise<CommandOutcome> {
    const { expectedRevision, ...changes } = request;
    return this.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'ChangeCampaignDetails', campaignId, ...changes, now: envelope.now.toISOString() },
      envelope,
      // The editor saw this revision: if someone changed the campaign since, they must look again.
      expectedRevision: BigInt(expectedRevision),
    });
  }
}
