import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStream, campaignSurveyStream, surveyDecider } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { SaveSurveyCommand } from './save-survey.command.js';

/** Each save is a new version of the whole tree; the editor's revision must be the stream's, or it is a 409 to look again. */
@CommandHandler(SaveSurveyCommand)
export class SaveSurveyHandler implements ICommandHandler<SaveSurveyCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ campaignId, request, envelope }: SaveSurveyCommand): Promise<CommandOutcome> {
    const campaign = await this.executor.current(campaignStream(campaignId), campaignDecider);
    return this.executor.execute({
      stream: campaignSurveyStream(campaignId),
      decider: surveyDecider,
      command: { type: 'SaveSurvey', campaignId, campaignStatus: campaign.status, questions: request.questions, now: envelope.now.toISOString() },
      envelope,
      expectedRevision: BigInt(request.expectedRevision),
    });
  }
}
