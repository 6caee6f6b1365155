import type { Change } from '@textbank/contracts';
import type { AnyDomainEvent, DomainEventType } from '@textbank/domain';
import type { RecordedEvent } from '@textbank/event-store';
import type Database from 'better-sqlite3';

/** A stored event whose type and data are one of the domain's events. */
export type StoredEvent<T extends DomainEventType = DomainEventType> = RecordedEvent<T, Extract<AnyDomainEvent, { type: T }>['data']>;

/**
 * `announce` is false while the runner catches up (start-up, rebuild): nobody
 * can use those changes one by one, and building them would slow the replay;
 * browsers resync from the read models when the runner is live again.
 */
export type ProjectionHandler<T extends DomainEventType> = (event: StoredEvent<T>, db: Database.Database, announce: boolean) => Change[] | void;

/**
 * A read model: its tables and a handler per event type it cares about.
 * Handlers touch only the read-model database they are given and return the
 * changes to push to browsers. Bump `version` when the tables or handlers
 * change: the runner then drops the tables and rebuilds them from position 0.
 */
export interface Projector {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  readonly schema: string;
  readonly handlers: { readonly [T in DomainEventType]?: ProjectionHandler<T> };
  /** For read models of the log itself (the event log): every event, whatever its type. */
  readonly anyEvent?: (event: RecordedEvent, db: Database.Database, announce: boolean) => Change[] | void;
}

export const defineProjector = (projector: Projector): Projector => projector;
