import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cannedResponseDecider, cannedResponsesStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CampaignStandingLookup } from '../campaign-standing.js';
import { DeleteCannedResponseCommand } from './delete-canned-response.command.js';

@CommandHandler(DeleteCannedResponseCommand)
export class DeleteCannedResponseHandler implements ICommandHandler<DeleteCannedResponseCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly campaigns: CampaignStandingLookup,
  ) {}

  async execute({ campaignId, responseId, expectedVersion, envelope }: DeleteCannedResponseCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: cannedResponsesStream(campaignId),
      decider: cannedResponseDecider,
      command: {
        type: 'DeleteCannedResponse',
        campaignId,
        campaign: await this.campaigns.of(campaignId),
        responseId,
        ...(expectedVersion !== undefined && { expectedVersion }),
        now: envelope.now.toISOString(),
      },
      envelope,
    });
  }
}
