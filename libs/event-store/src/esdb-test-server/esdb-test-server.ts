import * as grpc from '@grpc/grpc-js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { InvalidAppendError, StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import type { EventStore } from '../event-store.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import type { EventData, ExpectedRevision, Position, RecordedEvent, Subscription } from '../types.js';
import { WireProxy } from './wire-proxy.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;
type StreamIdentifier = InstanceType<typeof sharedPb.StreamIdentifier>;

export interface EsdbTestServerOptions {
  /** SQLite file the server stores through (':memory:' for throw-away runs). */
  readonly path: string;
  readonly host?: string;
  /** Port the client connects to (0: any free one). */
  readonly port?: number;
  readonly clock?: () => number;
}

/** What the server does wrong on purpose, for the fault tests. Every field resets with `reset()`. */
export class Faults {
  /** Every call waits this long before it is handled. */
  delayMs = 0;
  /** The next N calls answer "not leader", naming this server as the leader (an election that just ended). */
  notLeader = 0;
  /** The next N calls are refused as access denied (wrong credentials). */
  denyAccess = 0;
  /** The next N appends are stored, then the connection drops before the answer leaves: the answer is lost. */
  dropAfterAppend = 0;
  /** The next subscription to deliver this many events drops the connection right after (once). */
  dropSubscriptionAfter: number | undefined;
  /** Calls answered "not leader" and connections dropped, for the tests to check the fault happened. */
  readonly seen = { notLeader: 0, drops: 0 };

  constructor(private readonly proxy: WireProxy) {}

  /** Cuts every client connection now. */
  dropConnections(): void {
    this.seen.drops += 1;
    this.proxy.drop();
  }

  reset(): void {
    this.delayMs = 0;
    this.notLeader = 0;
    this.denyAccess = 0;
    this.dropAfterAppend = 0;
    this.dropSubscriptionAfter = undefined;
  }
}

/**
 * EventStoreDB's gRPC Streams API (Read with subscriptions and filters,
 * Append, Delete, Tombstone) served from the client package's own generated
 * service definitions and stored through the SQLite adapter, which keeps
 * EventStoreDB's rules. ServerFeatures is left unimplemented, as on servers
 * before 21.10: the client then appends through Streams.Append (BatchAppend
 * is verified only against a real server). For tests and benchmarks, where
 * no EventStoreDB can run; never a production store.
 */
export class EsdbTestServer {
  readonly faults: Faults;
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly grpcServer: grpc.Server,
    private readonly proxy: WireProxy,
    readonly store: SqliteEventStore,
    private readonly host: string,
  ) {
    this.faults = new Faults(proxy);
  }

  static async start(options: EsdbTestServerOptions): Promise<EsdbTestServer> {
    const host = options.host ?? '127.0.0.1';
    const store = new SqliteEventStore({ path: options.path, pollIntervalMs: 100, ...(options.clock && { clock: options.clock }) });
    const grpcServer = new grpc.Server();
    const internalPort = await new Promise<number>((resolve, reject) =>
      grpcServer.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    const proxy = await WireProxy.start(host, options.port ?? 0, internalPort);
    const server = new EsdbTestServer(grpcServer, proxy, store, host);
    grpcServer.addService(streamsGrpc.StreamsService, server.handlers());
    return server;
  }

  get port(): number {
    return this.proxy.port;
  }

  get connectionString(): string {
    return `esdb://${this.host === '0.0.0.0' ? '127.0.0.1' : this.host}:${this.port}?tls=false`;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.proxy.close();
    this.grpcServer.forceShutdown();
    await this.store.close();
  }

  private handlers(): grpc.UntypedServiceImplementation {
    return {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => void this.admit(call, () => this.read(call)),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) =>
        void this.admit(call, () => this.append(call, callback), callback),
      delete: (call: grpc.ServerUnaryCall<InstanceType<typeof streamsPb.DeleteReq>, unknown>, callback: grpc.sendUnaryData<unknown>) =>
        void this.admit(call, () => this.remove(call.request.getOptions()!, 'delete', callback), callback),
      tombstone: (call: grpc.ServerUnaryCall<InstanceType<typeof streamsPb.TombstoneReq>, unknown>, callback: grpc.sendUnaryData<unknown>) =>
        void this.admit(call, () => this.remove(call.request.getOptions()!, 'tombstone', callback), callback),
      batchAppend: (call: grpc.ServerDuplexStream<unknown, unknown>) => call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'BatchAppend is not served; use Append' }),
    };
  }

  /** The faults every call goes through first: a delay, then maybe "not leader". */
  private async admit(call: { emit(event: 'error', error: unknown): boolean }, handle: () => unknown, callback?: grpc.sendUnaryData<never>): Promise<void> {
    if (this.faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.delayMs));
    const refusal = this.refusal();
    if (refusal) {
      if (callback) callback(refusal);
      else call.emit('error', refusal);
      return;
    }
    try {
      await handle();
    } catch (error) {
      const status = statusOf(error);
      if (callback) callback(status);
      else call.emit('error', status);
    }
  }

  /** The error a fault makes this call answer, as EventStoreDB sends it: the `exception` header names it. */
  private refusal(): Partial<grpc.StatusObject> | undefined {
    const metadata = new grpc.Metadata();
    if (this.faults.notLeader > 0) {
      this.faults.notLeader -= 1;
      this.faults.seen.notLeader += 1;
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', this.host === '0.0.0.0' ? '127.0.0.1' : this.host);
      metadata.set('leader-endpoint-port', String(this.port));
      return { code: grpc.status.NOT_FOUND, details: 'Leader info available', metadata };
    }
    if (this.faults.denyAccess > 0) {
      this.faults.denyAccess -= 1;
      metadata.set('exception', 'access-denied');
      return { code: grpc.status.PERMISSION_DENIED, details: 'Access denied', metadata };
    }
    return undefined;
  }

  // --- Read: stream and $all reads, catch-up subscriptions ------------------------------

  private async read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): Promise<void> {
    const options = call.request.getOptions()!;
    const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    if (options.hasSubscription()) return this.subscribe(call);
    const maxCount = Number(options.getCount() || Number.MAX_SAFE_INTEGER);
    const direction = backwards ? 'backwards' : 'forwards';
    let events: RecordedEvent[];
    if (options.hasStream()) {
      const stream = options.getStream()!;
      const name = streamName(stream.getStreamIdentifier());
      const fromRevision = stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start';
      try {
        events = await this.store.readStream(name, { direction, fromRevision, maxCount });
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
        const notFound = new streamsPb.ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(stream.getStreamIdentifier());
        const resp = new streamsPb.ReadResp();
        resp.setStreamNotFound(notFound);
        call.write(resp);
        call.end();
        return;
      }
    } else {
      const all = options.getAll()!;
      const fromPosition = all.hasPosition() ? positionFrom(all.getPosition()!) : all.hasEnd() ? 'end' : 'start';
      const keep = options.hasFilter() ? filterPredicate(options.getFilter()!) : () => true;
      // A filter is applied after reading: read in pages until maxCount kept or the log ends.
      events = [];
      let from: Position | 'start' | 'end' = fromPosition;
      for (;;) {
        const page = await this.store.readAll({ direction, fromPosition: from, maxCount: 1000 });
        for (const event of page) if (events.length < maxCount && keep(event)) events.push(event);
        if (page.length < 1000 || events.length >= maxCount) break;
        const last = page[page.length - 1]!.position;
        from = backwards ? last : { commit: last.commit + 1n, prepare: last.prepare + 1n };
      }
    }
    for (const event of events) await write(call, eventResp(event));
    call.end();
  }

  private subscribe(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions()!;
    const keep = options.hasFilter() ? filterPredicate(options.getFilter()!) : () => true;
    const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`test-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    const confirm = new streamsPb.ReadResp();
    confirm.setConfirmation(confirmation);
    call.write(confirm);
    let delivered = 0;
    let ended = false;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      this.subscriptions.delete(subscription);
      void subscription.unsubscribe();
      if (error) call.emit('error', statusOf(error));
    };
    const handler = {
      onEvents: async (events: readonly RecordedEvent[]) => {
        for (const event of events) {
          if (ended) return;
          if (!keep(event)) continue;
          await write(call, eventResp(event));
          delivered += 1;
          if (this.faults.dropSubscriptionAfter !== undefined && delivered >= this.faults.dropSubscriptionAfter) {
            this.faults.dropSubscriptionAfter = undefined;
            this.faults.dropConnections();
            return;
          }
        }
      },
      onCaughtUp: (position: Position | undefined) => {
        if (ended) return;
        if (options.hasFilter() && position) {
          const checkpoint = new streamsPb.ReadResp.Checkpoint();
          checkpoint.setCommitPosition(position.commit.toString());
          checkpoint.setPreparePosition(position.prepare.toString());
          const resp = new streamsPb.ReadResp();
          resp.setCheckpoint(checkpoint);
          call.write(resp);
        }
        const resp = new streamsPb.ReadResp();
        resp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
        call.write(resp);
      },
      onError: (error: unknown) => end(error),
    };
    let subscription: Subscription;
    if (options.hasStream()) {
      const stream = options.getStream()!;
      const fromRevision = stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start';
      subscription = this.store.subscribeToStream(streamName(stream.getStreamIdentifier()), handler, { fromRevision });
    } else {
      const all = options.getAll()!;
      const fromPosition = all.hasPosition() ? positionFrom(all.getPosition()!) : all.hasEnd() ? 'end' : 'start';
      subscription = this.store.subscribeToAll(handler, { fromPosition });
    }
    this.subscriptions.add(subscription);
    call.on('cancelled', () => end());
    call.on('close', () => end());
    call.on('error', () => end());
  }

  // --- Append, Delete, Tombstone --------------------------------------------------------

  private append(call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>): Promise<void> {
    return new Promise((resolve, reject) => {
      let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
      const events: EventData[] = [];
      call.on('data', (req: AppendReq) => {
        if (req.hasOptions()) options = req.getOptions();
        else if (req.hasProposedMessage()) events.push(proposedEvent(req.getProposedMessage()!));
      });
      call.on('error', () => resolve());
      call.on('end', async () => {
        try {
          if (!options) throw new InvalidAppendError('An append must start with its options');
          const name = streamName(options.getStreamIdentifier());
          const expectedRevision = expectedFrom(options);
          const resp = new streamsPb.AppendResp();
          try {
            const result = await this.store.appendToStream(name, events, { expectedRevision });
            const success = new streamsPb.AppendResp.Success();
            if (result.nextExpectedRevision < 0n) success.setNoStream(new sharedPb.Empty());
            else success.setCurrentRevision(result.nextExpectedRevision.toString());
            if (result.position) {
              const position = new streamsPb.AppendResp.Position();
              position.setCommitPosition(result.position.commit.toString());
              position.setPreparePosition(result.position.prepare.toString());
              success.setPosition(position);
            } else success.setNoPosition(new sharedPb.Empty());
            resp.setSuccess(success);
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError)) throw error;
            resp.setWrongExpectedVersion(wrongExpectedVersion(error));
          }
          if (this.faults.dropAfterAppend > 0) {
            this.faults.dropAfterAppend -= 1;
            this.faults.dropConnections();
            resolve();
            return;
          }
          callback(null, resp);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  private async remove(
    options: { getStreamIdentifier(): StreamIdentifier | undefined; hasRevision(): boolean; getRevision(): string; hasNoStream(): boolean; hasStreamExists(): boolean },
    kind: 'delete' | 'tombstone',
    callback: grpc.sendUnaryData<unknown>,
  ): Promise<void> {
    const name = streamName(options.getStreamIdentifier());
    const expectedRevision: ExpectedRevision = options.hasRevision()
      ? BigInt(options.getRevision())
      : options.hasNoStream()
        ? 'no_stream'
        : options.hasStreamExists()
          ? 'stream_exists'
          : 'any';
    const store: EventStore = this.store;
    if (kind === 'delete') {
      await store.deleteStream(name, { expectedRevision });
      const resp = new streamsPb.DeleteResp();
      resp.setNoPosition(new sharedPb.Empty());
      callback(null, resp);
    } else {
      await store.tombstoneStream(name, { expectedRevision });
      const resp = new streamsPb.TombstoneResp();
      resp.setNoPosition(new sharedPb.Empty());
      callback(null, resp);
    }
  }
}

// --- wire conversions -----------------------------------------------------------------------

function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function positionFrom(position: { getCommitPosition(): string; getPreparePosition(): string }): Position {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}

function expectedFrom(options: InstanceType<typeof streamsPb.AppendReq.Options>): ExpectedRevision {
  if (options.hasRevision()) return BigInt(options.getRevision());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function proposedEvent(message: InstanceType<typeof streamsPb.AppendReq.ProposedMessage>): EventData {
  const metadata = message.getMetadataMap();
  const id = message.getId();
  const json = metadata.get('content-type') === 'application/json';
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  const custom = message.getCustomMetadata_asU8();
  return {
    ...(id?.hasString() && { id: id.getString() }),
    type: metadata.get('type') ?? '',
    // Binary events are kept as base64 text: the port stores JSON only.
    data: json ? JSON.parse(text(message.getData_asU8())) : Buffer.from(message.getData_asU8()).toString('base64'),
    ...(custom.length > 0 && { metadata: JSON.parse(text(custom)) }),
  };
}

function eventResp(event: RecordedEvent): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(event.id);
  recorded.setId(id);
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(event.streamId, 'utf8'));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.commit.toString());
  recorded.setPreparePosition(event.position.prepare.toString());
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', 'application/json')
    // .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends them.
    .set('created', (BigInt(event.created.getTime()) * 10_000n).toString());
  recorded.setData(Buffer.from(JSON.stringify(event.data), 'utf8'));
  recorded.setCustomMetadata(Buffer.from(JSON.stringify(event.metadata), 'utf8'));
  const readEvent = new streamsPb.ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(event.position.commit.toString());
  const resp = new streamsPb.ReadResp();
  resp.setEvent(readEvent);
  return resp;
}

function wrongExpectedVersion(error: WrongExpectedVersionError): InstanceType<typeof streamsPb.AppendResp.WrongExpectedVersion> {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (error.actualVersion === 'no_stream') wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(error.actualVersion.toString());
  const expected = error.expectedVersion;
  if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
  else wrong.setExpectedAny(new sharedPb.Empty());
  return wrong;
}

/** EventStoreDB's filter: a regex or prefixes on the stream name or the event type. */
function filterPredicate(filter: FilterOptions): (event: RecordedEvent) => boolean {
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (event) => {
    const subject = onStream ? event.streamId : event.type;
    if (regex) return regex.test(subject);
    return prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix));
  };
}

/** The gRPC error EventStoreDB answers for a port error: the `exception` header tells the client which. */
function statusOf(error: unknown): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  if (error instanceof StreamDeletedError) {
    metadata.set('exception', 'stream-deleted');
    metadata.set('stream-name', error.streamName);
    return { code: grpc.status.FAILED_PRECONDITION, details: error.message, metadata };
  }
  if (error instanceof WrongExpectedVersionError) {
    metadata.set('exception', 'wrong-expected-version');
    metadata.set('stream-name', error.streamName);
    // EventStoreDB's numbers for the expectations: -1 no stream, -2 any, -4 stream exists.
    const expected = error.expectedVersion;
    metadata.set('expected-version', typeof expected === 'bigint' ? expected.toString() : expected === 'no_stream' ? '-1' : expected === 'any' ? '-2' : '-4');
    if (error.actualVersion !== 'no_stream') metadata.set('actual-version', error.actualVersion.toString());
    return { code: grpc.status.FAILED_PRECONDITION, details: error.message, metadata };
  }
  if (error instanceof InvalidAppendError) return { code: grpc.status.INVALID_ARGUMENT, details: error.message, metadata };
  return { code: grpc.status.UNKNOWN, details: error instanceof Error ? error.message : String(error), metadata };
}

/** Writes with backpressure: a slow reader holds the subscription instead of growing a buffer. */
function write(call: grpc.ServerWritableStream<ReadReq, ReadResp>, resp: ReadResp): Promise<void> {
  if (call.write(resp)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      resolve();
    };
    call.once('drain', done);
    call.once('close', done);
  });
}
