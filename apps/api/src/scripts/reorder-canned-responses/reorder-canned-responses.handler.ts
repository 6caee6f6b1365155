import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cannedResponseDecider, cannedResponsesStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CampaignStandingLookup } from '../campaign-standing.js';
import { ReorderCannedResponsesCommand } from './reorder-canned-responses.command.js';

@CommandHandler(ReorderCannedResponsesCommand)
export class ReorderCannedResponsesHandler implements ICommandHandler<ReorderCannedResponsesCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly campaigns: CampaignStandingLookup,
  ) {}

  async execute({ campaignId, order, envelope }: ReorderCannedResponsesCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: cannedResponsesStream(campaignId),
      decider: cannedResponseDecider,
      command: { type: 'ReorderCannedResponses', campaignId, campaign: await this.campaigns.of(campaignId), order, now: envelope.now.toISOString() },
      envelope,
    });
  }
}
