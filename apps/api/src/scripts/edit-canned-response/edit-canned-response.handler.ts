import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cannedResponseDecider, cannedResponsesStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CampaignMergeFields } from '../campaign-merge-fields.js';
import { CampaignStandingLookup } from '../campaign-standing.js';
import { textFactsOf } from '../text-facts.js';
import { EditCannedResponseCommand } from './edit-canned-response.command.js';

@CommandHandler(EditCannedResponseCommand)
export class EditCannedResponseHandler implements ICommandHandler<EditCannedResponseCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly mergeFields: CampaignMergeFields,
    private readonly campaigns: CampaignStandingLookup,
  ) {}

  async execute({ campaignId, responseId, request, envelope }: EditCannedResponseCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: cannedResponsesStream(campaignId),
      decider: cannedResponseDecider,
      command: {
        type: 'EditCannedResponse',
        campaignId,
        campaign: await this.campaigns.of(campaignId),
        responseId,
        // Per response, not per stream: two admins editing different responses do not conflict.
        expectedVersion: request.expectedVersion,
        ...(request.title !== undefined && { title: request.title }),
        ...(request.body !== undefined && { body: request.body, bodyFacts: textFactsOf(request.body) }),
        allowedMergeFields: this.mergeFields.allowed(campaignId),
        now: envelope.now.toISOString(),
      },
      envelope,
    });
  }
}
