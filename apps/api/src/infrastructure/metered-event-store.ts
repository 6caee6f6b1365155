import { WrongExpectedVersionError, type EventStore } from '@textbank/event-store';
import type { Metrics } from '../metrics/metrics.js';

/** Counts appends and conflicts for /metrics without the adapters knowing about Prometheus. */
export function meteredEventStore(store: EventStore, metrics: Metrics): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'appendToStream') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      const append: EventStore['appendToStream'] = async (stream, events, options) => {
        try {
          const result = await target.appendToStream(stream, events, options);
          metrics.appends.inc();
          metrics.appendedEvents.inc(events.length);
          return result;
        } catch (error) {
          if (error instanceof WrongExpectedVersionError) metrics.conflicts.inc();
          throw error;
        }
      };
      return append;
    },
  });
}
