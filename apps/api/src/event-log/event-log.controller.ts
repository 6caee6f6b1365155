import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventLogPage, EventLogQuery, EventTypeList } from '@textbank/contracts';
import type { EventStore } from '@textbank/event-store';
import { eventTypes, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS } from '../auth/access.decorator.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { readEventLog } from './read-event-log.js';

class EventLogQueryDto extends createZodDto(EventLogQuery) {}
class EventLogPageDto extends createZodDto(EventLogPage) {}
class EventTypeListDto extends createZodDto(EventTypeList) {}

/** The auditor's log: every event, newest first. */
@ApiTags('event log')
@Controller('events')
export class EventLogController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Access(...READERS)
  @ApiOkResponse({ type: EventLogPageDto })
  async page(@Query() query: EventLogQueryDto): Promise<EventLogPage> {
    // The live log follows the read models: a socket sync from this position misses nothing.
    const position = this.projections.checkpoint().toString();
    const page = await readEventLog(this.store, {
      ...(query.type && { type: query.type }),
      ...(query.stream && { stream: query.stream }),
      ...(query.person && { person: query.person }),
      ...(query.before && { before: BigInt(query.before) }),
      limit: query.limit,
    });
    return { ...page, position };
  }

  @Get('types')
  @Access(...READERS)
  @ApiOkResponse({ type: EventTypeListDto })
  types() {
    return { types: eventTypes(this.readModels) };
  }
}
