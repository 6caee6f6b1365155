import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { AbandonUploadHandler } from './abandon-upload.handler.js';
import { ActiveUploads } from './active-uploads.js';
import { ContactsController } from './contacts.controller.js';
import { OptOutPhonesHandler } from './opt-out-phones.handler.js';
import { OptOutsController } from './opt-outs.controller.js';
import { RejectsFiles } from './rejects-files.js';
import { UploadContactsHandler } from './upload-contacts/upload-contacts.handler.js';
import { UploadProgressFeed } from './upload-progress-feed.js';
import { UploadsController } from './uploads.controller.js';

/** Contacts: uploads from a spreadsheet, the contacts pages, the organization's opt-out list. */
@Module({
  imports: [CommandsModule],
  controllers: [ContactsController, UploadsController, OptOutsController],
  providers: [ActiveUploads, AbandonUploadHandler, OptOutPhonesHandler, UploadContactsHandler, RejectsFiles, UploadProgressFeed],
  exports: [ActiveUploads, UploadProgressFeed],
})
export class ContactsModule {}
