import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandDispatch } from './command-dispatch.js';
import { CommandExecutor } from './command-executor.js';

@Module({ imports: [CqrsModule], providers: [CommandExecutor, CommandDispatch], exports: [CommandExecutor, CommandDispatch, CqrsModule] })
export class CommandsModule {}
