import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { AbandonUploadHandler } from './abandon-upload.handler.js';
import { ActiveUploads } from './active-uploads.js';
import { ContactsController } from './contacts.controller.js';

/** Contacts: uploads from a spreadsheet, the contacts pages, the organization's opt-out list. */
@Module({
  imports: [CommandsModule],
  controllers: [ContactsController],
  providers: [ActiveUploads, AbandonUploadHandler],
  exports: [ActiveUploads],
})
export class ContactsModule {}
