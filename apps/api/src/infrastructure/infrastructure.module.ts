import { Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { UPCASTERS } from '@textbank/domain';
import { createUpcaster, EsdbEventStore, SqliteEventStore, type EventStore } from '@textbank/event-store';
import { allProjectors, openReadModelDatabase, ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Metrics, METRICS } from '../metrics/metrics.js';
import { meteredEventStore } from './metered-event-store.js';
import { AUTH_DB, EVENT_STORE, PROJECTIONS, READ_MODEL_DB, SESSIONS_DB } from './tokens.js';
import { openAuthDatabase } from '../auth/auth-database.js';

const STORE = Symbol('STORE');

/** EventStoreDB when a connection string is set (several instances may share it), else the embedded SQLite log. */
function openEventStore(config: AppConfig): EventStore {
  const upcast = createUpcaster(UPCASTERS);
  if (config.eventStoreConnectionString) return new EsdbEventStore({ connectionString: config.eventStoreConnectionString, upcast });
  // The API owns its data directory: the only writer of this file.
  return new SqliteEventStore({ path: config.eventStorePath, synchronous: config.sqliteSynchronous, upcast, soleWriter: true });
}

@Global()
@Module({
  providers: [
    { provide: METRICS, useFactory: () => new Metrics() },
    { provide: STORE, inject: [APP_CONFIG], useFactory: openEventStore },
    { provide: EVENT_STORE, inject: [STORE, METRICS], useFactory: meteredEventStore },
    { provide: READ_MODEL_DB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openReadModelDatabase(config.readModelPath) },
    { provide: AUTH_DB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openAuthDatabase(config.authPath) },
    { provide: SESSIONS_DB, inject: [APP_CONFIG, AUTH_DB], useFactory: (config: AppConfig) => openAuthDatabase(config.authPath, 'NORMAL') },
    {
      provide: PROJECTIONS,
      inject: [EVENT_STORE, READ_MODEL_DB],
      useFactory: (store: EventStore, db: Database.Database) => {
        const logger = new Logger('Projections');
        return new ProjectionRunner(store, db, allProjectors, { onError: (error) => logger.error(error, 'projection batch failed; retrying') });
      },
    },
  ],
  exports: [METRICS, EVENT_STORE, READ_MODEL_DB, AUTH_DB, SESSIONS_DB, PROJECTIONS],
})
export class InfrastructureModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(AUTH_DB) private readonly auth: Database.Database,
    @Inject(SESSIONS_DB) private readonly sessions: Database.Database,
  ) {}

  onModuleInit(): void {
    this.projections.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.store.close();
    this.readModels.close();
    this.sessions.close();
    this.auth.close();
  }
}
