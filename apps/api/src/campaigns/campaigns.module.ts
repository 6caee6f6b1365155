import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { CampaignsController } from './campaigns.controller.js';
import { ChangeCampaignDetailsHandler } from './change-campaign-details/change-campaign-details.handler.js';
import { CreateCampaignHandler } from './create-campaign/create-campaign.handler.js';

@Module({ imports: [CommandsModule], controllers: [CampaignsController], providers: [CreateCampaignHandler, ChangeCampaignDetailsHandler] })
export class CampaignsModule {}
