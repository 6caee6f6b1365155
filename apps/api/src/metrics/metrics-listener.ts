import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@textbank/event-store';
import type { ProjectionRunner } from '@textbank/projections';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EVENT_STORE, PROJECTIONS } from '../infrastructure/tokens.js';
import { METRICS, type Metrics } from './metrics.js';

/**
 * Prometheus scrape endpoint on its own listener (METRICS_PORT, loopback by
 * default), so the public port never shows traffic figures and process
 * internals. It serves GET /metrics and nothing else: no app routes, no
 * middleware, no sessions.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsListener.name);
  private server: Server | undefined;

  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Bound before the app starts answering: a taken port stops the start-up with its reason. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    const server = createServer((request, response) => void this.answer(request, response));
    server.listen(this.config.metricsPort, this.config.metricsHost);
    await once(server, 'listening');
    this.server = server;
    const { address, port } = this.address()!;
    this.logger.log(`metrics on http://${address}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    this.server.close();
    this.server.closeAllConnections();
    await once(this.server, 'close');
  }

  /** Where it listens; undefined when switched off. */
  address(): AddressInfo | undefined {
    return (this.server?.address() as AddressInfo | null) ?? undefined;
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { allow: 'GET, HEAD' }).end();
    try {
      const body = await this.scrape();
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error(error, 'metrics scrape failed');
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Scrape failed\n');
    }
  }

  private async scrape(): Promise<string> {
    const head = (await this.store.headPosition())?.commit ?? 0n;
    const status = this.projections.status();
    this.metrics.projectionLagEvents.set(Number(head - status.checkpoint));
    this.metrics.projectionLagMs.set(status.lastBatchLagMs);
    return this.metrics.registry.metrics();
  }
}
