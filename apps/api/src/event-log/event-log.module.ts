import { Module } from '@nestjs/common';
import { EventLogController } from './event-log.controller.js';

@Module({ controllers: [EventLogController] })
export class EventLogModule {}
