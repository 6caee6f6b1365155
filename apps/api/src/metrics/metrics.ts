import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export const METRICS = Symbol('METRICS');

/** Every metric the API exports at /metrics, in one registry per app instance. */
export class Metrics {
  readonly registry = new Registry();
  readonly appends = new Counter({ name: 'textbank_event_store_appends_total', help: 'Appends committed to the event store', registers: [this.registry] });
  readonly appendedEvents = new Counter({ name: 'textbank_event_store_events_appended_total', help: 'Events written', registers: [this.registry] });
  readonly conflicts = new Counter({
    name: 'textbank_event_store_conflicts_total',
    help: 'Appends refused for a wrong expected revision',
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'textbank_commands_total',
    help: 'Commands handled, by type and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly projectionLagEvents = new Gauge({ name: 'textbank_projection_lag_events', help: 'Events in the log not yet in the read models', registers: [this.registry] });
  readonly projectionLagMs = new Gauge({
    name: 'textbank_projection_lag_ms',
    help: 'Milliseconds from append to read-model commit, last batch',
    registers: [this.registry],
  });
  readonly sockets = new Gauge({ name: 'textbank_sockets_connected', help: 'Connected Socket.IO clients', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'textbank_' });
  }
}
