import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { CampaignSurveyController } from './campaign-survey.controller.js';
import { ChooseCampaignTagsHandler } from './choose-campaign-tags/choose-campaign-tags.handler.js';
import { SaveSurveyHandler } from './save-survey/save-survey.handler.js';

@Module({ imports: [CommandsModule], controllers: [CampaignSurveyController], providers: [ChooseCampaignTagsHandler, SaveSurveyHandler] })
export class CampaignSurveyModule {}
