import type { RecordedEvent } from './types.js';

/** Raises one version of an event type's data to the next. */
export type Upcast = (data: unknown, event: RecordedEvent) => unknown;

/** `{ CampaignCreated: { 1: v1ToV2, 2: v2ToV3 } }`: each function takes data of that version to the next. */
export type UpcasterRegistry = Readonly<Record<string, Readonly<Record<number, Upcast>>>>;

export type Upcaster = (event: RecordedEvent) => RecordedEvent;

/**
 * History is never rewritten: old events are raised to the current shape as
 * they are read, and their metadata says which version they now have.
 */
export function createUpcaster(registry: UpcasterRegistry): Upcaster {
  return (event) => {
    const steps = registry[event.type];
    if (!steps) return event;
    let version = Number(event.metadata['schemaVersion'] ?? 1);
    let data = event.data;
    while (steps[version]) {
      data = steps[version]!(data, event);
      version += 1;
    }
    if (data === event.data) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
  };
}

export const noUpcasting: Upcaster = (event) => event;
