import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module.js';
import { ArchiveTagHandler } from './archive-tag/archive-tag.handler.js';
import { ChangeTagHandler } from './change-tag/change-tag.handler.js';
import { CreateTagHandler } from './create-tag/create-tag.handler.js';
import { TagsController } from './tags.controller.js';

@Module({ imports: [CommandsModule], controllers: [TagsController], providers: [CreateTagHandler, ChangeTagHandler, ArchiveTagHandler] })
export class TagsModule {}
