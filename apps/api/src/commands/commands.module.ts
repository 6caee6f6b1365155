import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from './command-executor.js';

@Module({ imports: [CqrsModule], providers: [CommandExecutor], exports: [CommandExecutor, CqrsModule] })
export class CommandsModule {}
