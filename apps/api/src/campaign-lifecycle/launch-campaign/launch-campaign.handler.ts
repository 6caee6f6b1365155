import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { LaunchFacts } from '../launch-facts.js';
import { LaunchCampaignCommand } from './launch-campaign.command.js';

/**
 * Gathers the checklist's facts, then lets the campaign decider judge them.
 * The facts come from other streams and read models, so they are as of just
 * before the decision: a contact upload completing in the same instant may be missed (and the launch refused), never invented.
 */
@CommandHandler(LaunchCampaignCommand)
export class LaunchCampaignHandler implements ICommandHandler<LaunchCampaignCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: LaunchFacts,
  ) {}

  async execute({ campaignId, request, envelope }: LaunchCampaignCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'LaunchCampaign', campaignId, facts: await this.facts.of(campaignId), now: envelope.now.toISOString() },
      envelope,
      ...(request.expectedRevision !== undefined && { expectedRevision: BigInt(request.expectedRevision) }),
    });
  }
}
