export * from './shared/decider.js';
export * from './shared/schema-versions.js';
export * from './organization/organization-events.js';
export * from './organization/organization-decider.js';
export * from './campaign/campaign-events.js';
export * from './campaign/campaign-decider.js';
export type { DomainEventType, AnyDomainEvent } from './events.js';
export * from './shared/upcasters.js';
