import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Health } from '@textbank/contracts';
import type { EventStore } from '@textbank/event-store';
import type { ProjectionRunner } from '@textbank/projections';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access } from '../auth/access.decorator.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EVENT_STORE, PROJECTIONS } from '../infrastructure/tokens.js';

class HealthDto extends createZodDto(Health) {}

/** For load balancers and the runbook: 200 while the read models follow the log, 503 when a projector is failing. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access('public')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const head = (await this.store.headPosition())?.commit ?? 0n;
    const status = this.projections.status();
    const healthy = status.failed === undefined;
    if (!healthy) response.status(503);
    return {
      status: healthy ? 'ok' : 'degraded',
      store: { adapter: this.config.eventStoreConnectionString ? 'eventstoredb' : 'sqlite', head: head.toString() },
      projections: { checkpoint: status.checkpoint.toString(), lagEvents: Number(head - status.checkpoint), caughtUp: status.caughtUp },
    };
  }
}
