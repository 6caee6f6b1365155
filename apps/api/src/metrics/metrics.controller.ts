import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { EventStore } from '@textbank/event-store';
import type { ProjectionRunner } from '@textbank/projections';
import { Access } from '../auth/access.decorator.js';
import { EVENT_STORE, PROJECTIONS } from '../infrastructure/tokens.js';
import { METRICS, type Metrics } from './metrics.js';

/** Prometheus scrape endpoint, outside /api. Keep it off the public internet at the proxy. */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
  ) {}

  @Get('metrics')
  @Access('public')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    const head = (await this.store.headPosition())?.commit ?? 0n;
    const status = this.projections.status();
    this.metrics.projectionLagEvents.set(Number(head - status.checkpoint));
    this.metrics.projectionLagMs.set(status.lastBatchLagMs);
    return this.metrics.registry.metrics();
  }
}
