import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream, campaignSurveyStream, surveyDecider, tagsDecider, tagsStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { ChooseCampaignTagsCommand } from './choose-campaign-tags.command.js';

/**
 * Decided on the campaign's survey stream, against the organization's tags and
 * the campaign's status as their streams have them now. Tags and campaigns are
 * never deleted, so "it exists" cannot turn false afterwards; a tag archived in
 * the same instant may still be chosen, and is then simply not offered.
 */
@CommandHandler(ChooseCampaignTagsCommand)
export class ChooseCampaignTagsHandler implements ICommandHandler<ChooseCampaignTagsCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ campaignId, organizationId, request, envelope }: ChooseCampaignTagsCommand): Promise<CommandOutcome> {
    const [campaign, tags] = await Promise.all([
      this.executor.current(campaignStream(campaignId), campaignDecider),
      this.executor.current(tagsStream(organizationId), tagsDecider),
    ]);
    return this.executor.execute({
      stream: campaignSurveyStream(campaignId),
      decider: surveyDecider,
      command: {
        type: 'ChooseCampaignTags',
        campaignId,
        campaignStatus: campaign.status,
        tagIds: request.tagIds,
        knownTags: tags.tags,
        now: envelope.now.toISOString(),
      },
      envelope,
      expectedRevision: BigInt(request.expectedRevision),
    });
  }
}
