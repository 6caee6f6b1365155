import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { LaunchFacts } from '../launch-facts.js';
import { ResumeCampaignCommand } from './resume-campaign.command.js';

/** Resuming passes the same checklist as launching: what was true at launch may not be any more. */
@CommandHandler(ResumeCampaignCommand)
export class ResumeCampaignHandler implements ICommandHandler<ResumeCampaignCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: LaunchFacts,
  ) {}

  async execute({ campaignId, request, envelope }: ResumeCampaignCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'ResumeCampaign', campaignId, facts: await this.facts.of(campaignId), now: envelope.now.toISOString() },
      envelope,
      ...(request.expectedRevision !== undefined && { expectedRevision: BigInt(request.expectedRevision) }),
    });
  }
}
