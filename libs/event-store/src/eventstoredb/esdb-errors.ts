import {
  NotLeaderError,
  StoreAccessDeniedError,
  StoreDeadlineExceededError,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../errors.js';
import type { ExpectedRevision } from '../types.js';

/** What the client's errors carry: `type` on its CommandErrors, `code` on a raw grpc-js ServiceError. */
interface ClientError {
  readonly type?: string;
  readonly code?: number;
  readonly message?: string;
  readonly details?: string;
  readonly expectedVersion?: bigint | string;
  readonly actualVersion?: bigint | string;
  readonly leader?: { address: string; port: number };
}

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
/** EventStoreDB's wire numbers for the expectations (in the error's metadata). */
const EXPECTATIONS: Record<string, ExpectedRevision> = { '-1': 'no_stream', '-2': 'any', '-4': 'stream_exists' };

/**
 * The client's error as the port's, with a message naming the operation.
 * An append's first call can fail with the raw grpc-js error (the client's
 * capabilities probe), not its UnavailableError: both are unavailable.
 */
export function portError(error: unknown, operation: string, streamName?: string): Error {
  const e = (error ?? {}) as ClientError;
  switch (e.type) {
    case 'wrong-expected-version':
      return new WrongExpectedVersionError(streamName ?? '?', expectedOf(e.expectedVersion), actualOf(e.actualVersion));
    case 'stream-deleted':
      return new StreamDeletedError(streamName ?? '?');
    case 'stream-not-found':
      return new StreamNotFoundError(streamName ?? '?');
    case 'not-leader':
      return new NotLeaderError(operation, e.leader ? `${e.leader.address}:${e.leader.port}` : undefined);
    case 'unavailable':
    case 'cancelled':
      return new StoreUnavailableError(operation, detailOf(e));
    case 'deadline-exceeded':
    case 'timeout':
      return new StoreDeadlineExceededError(operation);
    case 'access-denied':
      return new StoreAccessDeniedError(operation);
  }
  if (e.code === GRPC_UNAVAILABLE) return new StoreUnavailableError(operation, detailOf(e));
  if (e.code === GRPC_DEADLINE_EXCEEDED) return new StoreDeadlineExceededError(operation);
  const wrapped = new Error(`EventStoreDB ${operation} failed: ${detailOf(e)}`, { cause: error });
  return wrapped;
}

/** Worth trying again on the same connection string: the node went away, or another became leader. */
export function isTransient(error: Error): boolean {
  return error instanceof StoreUnavailableError || error instanceof NotLeaderError;
}

function expectedOf(value: bigint | string | undefined): ExpectedRevision {
  if (value === undefined) return 'any';
  if (typeof value === 'string') return value as ExpectedRevision;
  return EXPECTATIONS[value.toString()] ?? value;
}

function actualOf(value: bigint | string | undefined): bigint | 'no_stream' {
  return typeof value === 'bigint' && value >= 0n ? value : 'no_stream';
}

function detailOf(e: ClientError): string {
  return e.details || e.message || 'no detail';
}
