import { randomUUID } from 'node:crypto';
import type { EventStore } from '@textbank/event-store';
import type { AppConfig } from '../config/app-config.js';
import { OwnLease, StoreLease, type Lease } from '../infrastructure/lease.js';
import { LocalAttempts, SharedAttempts, type DispatchAttempts } from './dispatch-attempts.js';
import type { DispatchJournal } from './dispatch-journal.js';

/** Who may dispatch texts: with a shared EventStoreDB, one instance at a time; with SQLite, the one process. */
export const DISPATCH_LEASE = Symbol('DISPATCH_LEASE');

export function dispatchLease(config: AppConfig, store: EventStore): Lease {
  if (!config.eventStoreConnectionString) return new OwnLease();
  return new StoreLease(store, 'sms-dispatcher', `${config.instanceName}-${randomUUID()}`);
}

/** Where attempts are written before the provider is asked: with a shared EventStoreDB, also in the store, for the next holder. */
export function dispatchAttempts(config: AppConfig, store: EventStore, journal: DispatchJournal): DispatchAttempts {
  if (!config.eventStoreConnectionString) return new LocalAttempts(journal);
  return new SharedAttempts(store, journal, config.instanceName);
}
