import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { schemaVersionOf, type Decider, type DomainEvent } from '@textbank/domain';
import {
  eventIdFor,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@textbank/event-store';
import { findCommandOutcome, IDEMPOTENCY_WINDOW_MS, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import type { CommandEnvelope } from './command-envelope.js';
import { staleRevision, type CommandOutcome } from './command-outcome.js';
import { KeyedLock } from './keyed-lock.js';
import { StreamStateCache, type CachedStream } from './stream-state-cache.js';

export interface CommandRequest<C, E extends DomainEvent, S> {
  readonly stream: string;
  readonly decider: Decider<C, E, S>;
  /**
   * The command, or a function building it from the stream's state at decision
   * time (under the stream's lock): for commands whose inputs must not race,
   * like the candidates of a hand-out. Such a command is fingerprinted by `asked`.
   */
  readonly command: (C & { readonly type: string }) | ((state: S) => C & { readonly type: string });
  /** What a command built from state asked for (its fingerprint for Idempotency-Key reuse). */
  readonly asked?: { readonly type: string };
  readonly envelope: CommandEnvelope;
  /** The revision the caller last saw (an editor's If-Match); a mismatch is a 409 without retry. */
  readonly expectedRevision?: bigint;
}

const MAX_ATTEMPTS = 5;
/** Recent command ids a cached stream keeps: the quick answer to a retry; older ones are looked up (see `earlier`). */
const REMEMBERED_COMMANDS = 50;
/** Page size when a retry must be looked for in the stream itself (read models rebuilding). */
const SEARCH_PAGE = 500;

/**
 * The one write path: load the stream (cache, then catch up), decide purely,
 * append at the loaded revision, retry a few times on a race, then 409.
 * Nothing is published here: read models and pushes come from the log.
 */
@Injectable()
export class CommandExecutor {
  private readonly cache = new StreamStateCache();
  /** One load-decide-append at a time per stream in this process: no wasted decisions on a hot stream, and states may be evolved in place (texting-decider.ts). */
  private readonly locks = new KeyedLock();
  private readonly logger = new Logger(CommandExecutor.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  async execute<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome> {
    const outcome = await this.attempt(request);
    const result = outcome.ok ? 'accepted' : outcome.rejection.code;
    this.metrics.commands.inc({ command: askedBy(request).type, outcome: result });
    this.logger.log({ commandId: request.envelope.commandId, command: askedBy(request).type, stream: request.stream, outcome: result });
    return outcome;
  }

  private async attempt<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome> {
    const { stream, envelope } = request;
    if (envelope.keyed) {
      const earlier = await this.earlier(stream, envelope, fingerprintOf(stream, askedBy(request)));
      if (earlier) return earlier;
    }
    return this.locks.run(stream, () => this.decideAndAppend(request));
  }

  private async decideAndAppend<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome> {
    const { stream, decider, envelope } = request;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.load(stream, decider);
      // A retried command (same id) that already landed answers as it did the first time.
      if (loaded.commandIds.includes(envelope.commandId)) return { ok: true, position: loaded.position, revision: loaded.revision };
      if (request.expectedRevision !== undefined && request.expectedRevision !== loaded.revision) {
        return staleRevision(request.expectedRevision, loaded.revision);
      }
      const command = typeof request.command === 'function' ? request.command(loaded.state) : request.command;
      const decision = decider.decide(command, loaded.state);
      if (!decision.ok) return decision;
      if (decision.events.length === 0) return { ok: true, position: loaded.position, revision: loaded.revision };
      const metadata = { ...this.metadataFor(envelope), ...(envelope.keyed && { commandFingerprint: fingerprintOf(stream, askedBy(request)) }) };
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

  /** A stream's folded state as the store has it now (caught up from the cache): for checks outside a command. */
  async current<C, E extends DomainEvent, S>(stream: string, decider: Decider<C, E, S>): Promise<S> {
    return this.locks.run(stream, async () => (await this.load(stream, decider)).state);
  }

  /**
   * A client's retry (same Idempotency-Key) answers as the first time did for
   * IDEMPOTENCY_WINDOW_MS, however many events the stream had since: looked up
   * in the command-outcomes read model once it has caught up with the log, or,
   * while it cannot (a rebuild), in the stream itself back to the window's start.
   */
  private async earlier(stream: string, envelope: CommandEnvelope, fingerprint: string): Promise<CommandOutcome | undefined> {
    const head = await this.store.headPosition();
    const found = !head
      ? undefined
      : (await this.projections.waitFor(head.commit))
        ? findCommandOutcome(this.readModels, envelope.commandId, envelope.now)
        : await this.searchStream(stream, envelope);
    if (!found) return undefined;
    if (found.stream !== stream || (found.fingerprint !== null && found.fingerprint !== fingerprint)) {
      return { ok: false, rejection: { code: 'conflict', message: 'This Idempotency-Key was already used for a different request', field: 'Idempotency-Key' } };
    }
    return { ok: true, position: found.position, revision: found.revision };
  }

  private async searchStream(stream: string, envelope: CommandEnvelope) {
    const since = envelope.now.getTime() - IDEMPOTENCY_WINDOW_MS;
    let before: bigint | undefined;
    for (;;) {
      let page: RecordedEvent[];
      try {
        page = await this.store.readStream(stream, { direction: 'backwards', maxCount: SEARCH_PAGE, ...(before !== undefined && { fromRevision: before }) });
      } catch (error) {
        if (error instanceof StreamNotFoundError) return undefined;
        throw error;
      }
      const match = page.find((event) => event.metadata['causationId'] === envelope.commandId);
      if (match) {
        const fingerprint = match.metadata['commandFingerprint'];
        return { stream, revision: match.revision, position: match.position.commit, fingerprint: typeof fingerprint === 'string' ? fingerprint : null };
      }
      const oldest = page[page.length - 1];
      if (!oldest || oldest.revision === 0n || Date.parse(String(oldest.metadata['timestamp'])) < since) return undefined;
      before = oldest.revision - 1n;
    }
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

function askedBy<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): { readonly type: string } {
  if (typeof request.command !== 'function') return request.command;
  if (!request.asked) throw new Error('A command built from state needs `asked` to be fingerprinted');
  return request.asked;
}

/** What a keyed command asked for (its time left out): a key sent again with a different request is refused, not replayed. */
function fingerprintOf(stream: string, command: { readonly type: string }): string {
  const { now: _now, ...asked } = command as { now?: unknown };
  return createHash('sha256').update(`${stream}\n${JSON.stringify(asked)}`).digest('base64url');
}
