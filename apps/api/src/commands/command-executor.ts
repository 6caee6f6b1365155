import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { schemaVersionOf, type Decider, type DomainEvent } from '@textbank/domain';
import {
  eventIdFor,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendResult,
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
import { RecentCommands } from './recent-commands.js';
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

/** What a decision under the lock led to: an append committing, or an answer standing on the appends it was decided on. */
type Step =
  | { readonly kind: 'appended'; readonly append: Promise<AppendResult> }
  | { readonly kind: 'answer'; readonly outcome: CommandOutcome; readonly basis: Promise<AppendResult> | undefined };
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
  /** One load-decide-submit at a time per stream in this process: no wasted decisions on a hot stream, and states may be evolved in place (texting-decider.ts). */
  private readonly locks = new KeyedLock();
  private readonly logger = new Logger(CommandExecutor.name);
  /** Per stream, its last append still committing: what the decisions made since stand on. */
  private readonly committing = new Map<string, Promise<AppendResult>>();
  private readonly recent = new RecentCommands();
  /** The log's head when `recent` started being complete (see `earlier`). */
  private trusted: bigint | undefined;
  private trustedAt = 0;

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
    if (!envelope.keyed) return this.decideAndAppend(request);
    const fingerprint = fingerprintOf(stream, askedBy(request));
    // The same key pressed again while the first is still on its way (a double press): its answer is this one's.
    const running = this.recent.get(envelope.commandId);
    if (running) {
      // Refused or failed: this one is decided on its own.
      const first = await running.outcome.catch(() => undefined);
      if (first?.ok) return matching({ stream: running.stream, fingerprint: running.fingerprint, position: first.position, revision: first.revision }, stream, fingerprint);
    }
    let settle!: (outcome: Promise<CommandOutcome>) => void;
    this.recent.add(envelope.commandId, { stream, fingerprint, outcome: new Promise((resolve) => (settle = resolve)) });
    const outcome = (async () => (await this.earlier(stream, envelope, fingerprint)) ?? this.decideAndAppend(request))();
    settle(outcome);
    return outcome;
  }

  /**
   * Pipelined: the decision is made under the stream's lock, on the cached
   * state, which already holds the appends of this stream still committing;
   * the append is handed to the store and the lock released at once, so the
   * next command of the stream is decided while this one commits and their
   * appends share a group commit. Each caller still waits for its own commit.
   * Holds because this process is the stream's one writer (SQLite: one API
   * process per data directory), so expected revisions chain the appends: if
   * one fails, every append decided on it fails too (its expected revision
   * is then ahead of the stream), the cached state is dropped (evolve changed
   * it in place) and those commands are decided again on the stream as stored.
   * An answer that appends nothing (a refusal, nothing to do, a retry that
   * already landed) stands once the appends it was decided on have landed.
   */
  private async decideAndAppend<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome> {
    const { stream, envelope } = request;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const step = await this.locks.run(stream, () => this.decide(request));
      try {
        if (step.kind === 'appended') {
          const result = await step.append;
          return { ok: true, position: result.position!.commit, revision: result.nextExpectedRevision };
        }
        if (!step.basis) return step.outcome;
        const landed = await step.basis;
        return step.outcome.ok ? { ok: true, position: landed.position!.commit, revision: landed.nextExpectedRevision } : step.outcome;
      } catch (error) {
        // A failed basis (whatever the error) voids a decision made on it; our own append only on a lost race.
        if (step.kind === 'appended' && !(error instanceof WrongExpectedVersionError)) throw error;
        this.logger.debug({ commandId: envelope.commandId, stream, attempt }, 'decided on state that did not land; deciding again');
      }
    }
    return { ok: false, rejection: { code: 'conflict', message: `Too many concurrent changes to ${stream}; try again` } };
  }

  /** Under the stream's lock: load, decide, and hand the events to the store without waiting for the commit. */
  private async decide<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<Step> {
    const { stream, decider, envelope } = request;
    const loaded = await this.load(stream, decider);
    const basis = this.committing.get(stream);
    const answer = (outcome: CommandOutcome): Step => ({ kind: 'answer', outcome, basis });
    // A retried command (same id) that already landed answers as it did the first time.
    if (loaded.commandIds.includes(envelope.commandId)) return answer({ ok: true, position: loaded.position, revision: loaded.revision });
    if (request.expectedRevision !== undefined && request.expectedRevision !== loaded.revision) {
      return answer(staleRevision(request.expectedRevision, loaded.revision));
    }
    const command = typeof request.command === 'function' ? request.command(loaded.state) : request.command;
    const decision = decider.decide(command, loaded.state);
    if (!decision.ok) return answer(decision);
    if (decision.events.length === 0) return answer({ ok: true, position: loaded.position, revision: loaded.revision });
    const metadata = { ...this.metadataFor(envelope), ...(envelope.keyed && { commandFingerprint: fingerprintOf(stream, askedBy(request)) }) };
    const events = decision.events.map((event, index) => ({
      id: eventIdFor(envelope.commandId, index),
      type: event.type,
      data: event.data,
      metadata: { ...metadata, schemaVersion: schemaVersionOf(event.type) },
    }));
    const append = this.store.appendToStream(stream, events, { expectedRevision: loaded.revision < 0n ? 'no_stream' : loaded.revision });
    this.follow(stream, append);
    this.cache.set<S>(stream, {
      state: decision.events.reduce(decider.evolve, loaded.state),
      revision: loaded.revision + BigInt(events.length),
      position: loaded.position,
      commandIds: [...loaded.commandIds, envelope.commandId].slice(-REMEMBERED_COMMANDS),
    });
    return { kind: 'appended', append };
  }

  /** The stream's last append still committing is the basis of the next decisions; a failed one takes the cached state with it. */
  private follow(stream: string, append: Promise<AppendResult>): void {
    this.committing.set(stream, append);
    const done = () => {
      if (this.committing.get(stream) === append) this.committing.delete(stream);
    };
    append.then(
      (result) => {
        // Nothing decided after it: the cached state is the stored one, at this position.
        const cached = this.cache.peek(stream);
        if (cached && cached.revision === result.nextExpectedRevision) this.cache.set(stream, { ...cached, position: result.position!.commit });
        done();
      },
      () => {
        this.cache.delete(stream);
        done();
      },
    );
  }

  /**
   * The cached state without waiting for anything: it may hold appends still
   * committing. For suggestions a decision will check again (the next
   * contact to show), never for a decision itself.
   */
  async glance<C, E extends DomainEvent, S>(stream: string, decider: Decider<C, E, S>): Promise<S> {
    return this.cache.peek<S>(stream)?.state ?? this.current(stream, decider);
  }

  /** A stream's folded state as the store has it now, or newer (appends committing), caught up from the cache: for checks outside a command. */
  async current<C, E extends DomainEvent, S>(stream: string, decider: Decider<C, E, S>): Promise<S> {
    for (let attempt = 1; ; attempt++) {
      const { state, basis } = await this.locks.run(stream, async () => ({ state: (await this.load(stream, decider)).state, basis: this.committing.get(stream) }));
      if (!basis || attempt === MAX_ATTEMPTS) return state;
      try {
        await basis;
        return state;
      } catch {
        // It held an append that did not land: load again from the store.
      }
    }
  }

  /**
   * A client's retry (same Idempotency-Key) answers as the first time did for
   * IDEMPOTENCY_WINDOW_MS, however many events the stream had since: looked up
   * in the command-outcomes read model once it has caught up with the log, or,
   * while it cannot (a rebuild), in the stream itself back to the window's start.
   */
  private async earlier(stream: string, envelope: CommandEnvelope, fingerprint: string): Promise<CommandOutcome | undefined> {
    const checkpoint = this.projections.checkpoint();
    this.recent.prune(checkpoint);
    // Everything after `trusted` was written by this process, whose keyed commands are in `recent` until the read models hold them.
    if (this.trusted === undefined || this.trustedAt !== this.recent.forgotten) {
      this.trusted = (await this.store.headPosition())?.commit ?? 0n;
      this.trustedAt = this.recent.forgotten;
    }
    if (checkpoint >= this.trusted) {
      const found = findCommandOutcome(this.readModels, envelope.commandId, envelope.now);
      return found && matching(found, stream, fingerprint);
    }
    const head = await this.store.headPosition();
    const found = !head
      ? undefined
      : (await this.projections.waitFor(head.commit))
        ? findCommandOutcome(this.readModels, envelope.commandId, envelope.now)
        : await this.searchStream(stream, envelope);
    return found && matching(found, stream, fingerprint);
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
    const hit = this.cache.get<S>(stream);
    // The store's only writer is this executor: what it cached is what the stream holds (or newer, still committing).
    if (hit && this.store.soleWriter) return hit;
    const cached = hit ?? { state: decider.initialState(), revision: -1n, position: 0n, commandIds: [] };
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

/** A keyed command found to have landed: its answer again, unless the key was used for another request. */
function matching(found: { stream: string; fingerprint: string | null; position: bigint; revision: bigint }, stream: string, fingerprint: string): CommandOutcome {
  if (found.stream !== stream || (found.fingerprint !== null && found.fingerprint !== fingerprint)) {
    return { ok: false, rejection: { code: 'conflict', message: 'This Idempotency-Key was already used for a different request', field: 'Idempotency-Key' } };
  }
  return { ok: true, position: found.position, revision: found.revision };
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
