import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { ArchiveCampaignHandler } from './archive-campaign/archive-campaign.handler.js';
import { CampaignLifecycleController } from './campaign-lifecycle.controller.js';
import { LaunchCampaignHandler } from './launch-campaign/launch-campaign.handler.js';
import { LaunchChecklistReader } from './launch-checklist-reader.js';
import { ContactFacts, LaunchFacts, NoContactsYet, NoScriptYet, ScriptFacts } from './launch-facts.js';
import { PauseCampaignHandler } from './pause-campaign/pause-campaign.handler.js';
import { ResumeCampaignHandler } from './resume-campaign/resume-campaign.handler.js';

@Module({
  imports: [CommandsModule],
  controllers: [CampaignLifecycleController],
  providers: [
    // The contacts and scripts features replace these two lines with their own providers (and import their modules above).
    { provide: ContactFacts, useClass: NoContactsYet },
    { provide: ScriptFacts, useClass: NoScriptYet },
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
