export * from './types.js';
export * from './errors.js';
export type { EventStore } from './event-store.js';
export * from './position.js';
export * from './event-id.js';
export * from './upcasting.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
export type { SynchronousMode } from './sqlite/schema.js';
