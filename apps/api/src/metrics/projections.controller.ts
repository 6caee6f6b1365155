import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@textbank/event-store';
import type { ProjectionRunner } from '@textbank/projections';
import { Access } from '../auth/access.decorator.js';
import { EVENT_STORE, PROJECTIONS } from '../infrastructure/tokens.js';

/** Runbook: drop every read model of this instance and replay the log into it. */
@ApiTags('operations')
@Controller('projections')
export class ProjectionsController {
  constructor(
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Answers once the rebuild has caught up to the log's head as it was when asked (or after 60 s). */
  @Post('rebuild')
  @HttpCode(202)
  @Access('owner')
  @ApiAcceptedResponse({ description: 'Rebuilt (or still rebuilding: see /api/health)' })
  async rebuild(): Promise<{ head: string; caughtUp: boolean }> {
    const head = (await this.store.headPosition())?.commit ?? 0n;
    await this.projections.rebuild();
    const caughtUp = await this.projections.waitFor(head, 60_000);
    return { head: head.toString(), caughtUp };
  }
}
