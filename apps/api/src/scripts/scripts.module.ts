import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { CampaignMergeFields } from './campaign-merge-fields.js';
import { CampaignStandingLookup } from './campaign-standing.js';
import { CannedResponsesController } from './canned-responses.controller.js';
import { CreateCannedResponseHandler } from './create-canned-response/create-canned-response.handler.js';
import { DeleteCannedResponseHandler } from './delete-canned-response/delete-canned-response.handler.js';
import { EditCannedResponseHandler } from './edit-canned-response/edit-canned-response.handler.js';
import { ReorderCannedResponsesHandler } from './reorder-canned-responses/reorder-canned-responses.handler.js';
import { ReviseScriptHandler } from './revise-script/revise-script.handler.js';
import { ScriptsController } from './scripts.controller.js';

/** A campaign's initial script and canned responses. `CampaignMergeFields` is exported for the contacts work to fill. */
@Module({
  imports: [CommandsModule],
  controllers: [ScriptsController, CannedResponsesController],
  providers: [
    CampaignMergeFields,
    CampaignStandingLookup,
    ReviseScriptHandler,
    CreateCannedResponseHandler,
    EditCannedResponseHandler,
    ReorderCannedResponsesHandler,
    DeleteCannedResponseHandler,
  ],
  exports: [CampaignMergeFields],
})
export class ScriptsModule {}
