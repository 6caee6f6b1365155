import { Inject, Injectable, Logger } from '@nestjs/common';
import { schemaVersionOf, type Decider, type DomainEvent } from '@textbank/domain';
import {
  eventIdFor,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@textbank/event-store';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import type { CommandEnvelope } from './command-envelope.js';
import { staleRevision, type CommandOutcome } from './command-outcome.js';
import { StreamStateCache, type CachedStream } from './stream-state-cache.js';

export interface CommandRequest<C, E extends DomainEvent, S> {
  readonly stream: string;
  readonly decider: Decider<C, E, S>;
  readonly command: C & { readonly type: string };
  readonly envelope: CommandEnvelope;
  /** The revision the caller last saw (an editor's If-Match); a mismatch is a 409 without retry. */
  readonly expectedRevision?: bigint;
}

const MAX_ATTEMPTS = 5;
/** How many recent command ids a cached stream remembers to answer a retried command. */
const REMEMBERED_COMMANDS = 50;

/**
 * The one write path: load the stream (cache, then catch up), decide purely,
 * append at the loaded revision, retry a few times on a race, then 409.
 * Nothing is published here: read models and pushes come from the log.
 */
@Injectable()
export class CommandExecutor {
  private readonly cache = new StreamStateCache();
  private readonly logger = new Logger(CommandExecutor.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  async execute<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome> {
    const outcome = await this.attempt(request);
    const result = outcome.ok ? 'accepted' : outcome.rejection.code;
    this.metrics.commands.inc({ command: request.command.type, outcome: result });
    this.logger.log({ commandId: request.envelope.commandId, command: request.command.type, stream: request.stream, outcome: result });
    return outcome;
  }

  private async attempt<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome> {
    const { stream, decider, command, envelope } = request;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.load(stream, decider);
      // A retried command (same id) that already landed answers as it did the first time.
      if (loaded.commandIds.includes(envelope.commandId)) return { ok: true, position: loaded.position, revision: loaded.revision };
      if (request.expectedRevision !== undefined && request.expectedRevision !== loaded.revision) {
        return staleRevision(request.expectedRevision, loaded.revision);
      }
      const decision = decider.decide(command, loaded.state);
      if (!decision.ok) return decision;
      if (decision.events.length === 0) return { ok: true, position: loaded.position, revision: loaded.revision };
      const metadata = this.metadataFor(envelope);
      const events = decision.events.map((event, index) => ({
        id: eventIdFor(envelope.commandId, index),
        type: event.type,
        data: event.data,
        metadata: { ...metadata, schemaVersion: schemaVersionOf(event.type) },
      }));
      try {
        const result = await this.store.appendToStream(stream, events, {
          expectedRevision: loaded.revision < 0n ? 'no_stream' : loaded.revision,
        });
        this.cache.set<S>(stream, {
          state: decision.events.reduce(decider.evolve, loaded.state),
          revision: result.nextExpectedRevision,
          position: result.position!.commit,
          commandIds: [...loaded.commandIds, envelope.commandId].slice(-REMEMBERED_COMMANDS),
        });
        return { ok: true, position: result.position!.commit, revision: result.nextExpectedRevision };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.logger.debug({ commandId: envelope.commandId, stream, attempt }, 'lost a race; reloading');
      }
    }
    return { ok: false, rejection: { code: 'conflict', message: `Too many concurrent changes to ${stream}; try again` } };
  }

  private async load<C, E extends DomainEvent, S>(stream: string, decider: Decider<C, E, S>): Promise<CachedStream<S>> {
    const cached = this.cache.get<S>(stream) ?? { state: decider.initialState(), revision: -1n, position: 0n, commandIds: [] };
    let newer: RecordedEvent[];
    try {
      newer = await this.store.readStream(stream, { fromRevision: cached.revision + 1n });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return cached;
      throw error;
    }
    if (newer.length === 0) return cached;
    const last = newer[newer.length - 1]!;
    const loaded: CachedStream<S> = {
      state: newer.reduce((state, event) => decider.evolve(state, { type: event.type, data: event.data } as E), cached.state),
      revision: last.revision,
      position: last.position.commit,
      commandIds: [...cached.commandIds, ...newer.map((e) => String(e.metadata['causationId']))].slice(-REMEMBERED_COMMANDS),
    };
    this.cache.set(stream, loaded);
    return loaded;
  }

  private metadataFor(envelope: CommandEnvelope): Omit<EventMetadata, 'schemaVersion'> {
    return {
      actor: envelope.actor,
      causationId: envelope.commandId,
      correlationId: envelope.correlationId,
      timestamp: envelope.now.toISOString(),
    };
  }
}
