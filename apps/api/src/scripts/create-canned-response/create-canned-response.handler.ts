import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cannedResponseDecider, cannedResponsesStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CampaignMergeFields } from '../campaign-merge-fields.js';
import { CampaignStandingLookup } from '../campaign-standing.js';
import { textFactsOf } from '../text-facts.js';
import { CreateCannedResponseCommand } from './create-canned-response.command.js';

@CommandHandler(CreateCannedResponseCommand)
export class CreateCannedResponseHandler implements ICommandHandler<CreateCannedResponseCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly mergeFields: CampaignMergeFields,
    private readonly campaigns: CampaignStandingLookup,
  ) {}

  async execute({ campaignId, responseId, request, envelope }: CreateCannedResponseCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: cannedResponsesStream(campaignId),
      decider: cannedResponseDecider,
      command: {
        type: 'CreateCannedResponse',
        campaignId,
        campaign: await this.campaigns.of(campaignId),
        responseId,
        ...request,
        bodyFacts: textFactsOf(request.body),
        allowedMergeFields: this.mergeFields.allowed(campaignId),
        now: envelope.now.toISOString(),
      },
      envelope,
    });
  }
}
