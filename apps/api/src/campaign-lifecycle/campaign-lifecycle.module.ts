import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { ScriptsModule } from '../scripts/scripts.module.js';
import { ArchiveCampaignHandler } from './archive-campaign/archive-campaign.handler.js';
import { CampaignLifecycleController } from './campaign-lifecycle.controller.js';
import { LaunchCampaignHandler } from './launch-campaign/launch-campaign.handler.js';
import { LaunchChecklistReader } from './launch-checklist-reader.js';
import { ContactsReadModelFacts, ScriptReadModelFacts } from './campaign-launch-facts.js';
import { ContactFacts, LaunchFacts, ScriptFacts } from './launch-facts.js';
import { PauseCampaignHandler } from './pause-campaign/pause-campaign.handler.js';
import { ResumeCampaignHandler } from './resume-campaign/resume-campaign.handler.js';

@Module({
  imports: [CommandsModule, ScriptsModule],
  controllers: [CampaignLifecycleController],
  providers: [
    { provide: ContactFacts, useClass: ContactsReadModelFacts },
    { provide: ScriptFacts, useClass: ScriptReadModelFacts },
    LaunchFacts,
    LaunchChecklistReader,
    LaunchCampaignHandler,
    PauseCampaignHandler,
    ResumeCampaignHandler,
    ArchiveCampaignHandler,
  ],
  exports: [LaunchFacts],
})
export class CampaignLifecycleModule {}
