import type { ExpectedRevision } from './types.js';

/** The stream was not at the revision the caller expected: someone else wrote first. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly streamName: string,
    readonly expectedVersion: ExpectedRevision,
    readonly actualVersion: bigint | 'no_stream',
  ) {
    super(`Wrong expected version for ${streamName}: expected ${String(expectedVersion)}, actual ${String(actualVersion)}`);
  }
}

export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} not found`);
  }
}

/**
 * The stream was tombstoned (hard deleted): it can never be read or written again.
 * Also EventStoreDB's answer to `stream_exists` on a soft-deleted stream, which
 * can still come back with any other expected revision.
 */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} is deleted`);
  }
}

/** The append itself is malformed (bad stream name, bad id, missing metadata): a programming error. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/**
 * The store could not be reached or dropped the connection before answering.
 * For an append the outcome is unknown: retrying with the same event ids is
 * safe (idempotency by event id), which the EventStoreDB adapter does itself
 * a few times before giving up with this error.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(operation: string, detail: string) {
    super(`Event store unavailable during ${operation}: ${detail}`);
  }
}

/** The node asked is not the cluster's leader (mid election, or a follower when the leader is required). */
export class NotLeaderError extends Error {
  override readonly name = 'NotLeaderError';
  constructor(operation: string, readonly leader: string | undefined) {
    super(`Event store node is not the leader during ${operation}${leader ? `; leader is ${leader}` : ''}`);
  }
}

/** The store did not answer within the call's deadline; for an append the outcome is unknown. */
export class StoreDeadlineExceededError extends Error {
  override readonly name = 'StoreDeadlineExceededError';
  constructor(operation: string) {
    super(`Event store did not answer ${operation} before the deadline`);
  }
}

/** The store refused the credentials (or their lack) for this operation. */
export class StoreAccessDeniedError extends Error {
  override readonly name = 'StoreAccessDeniedError';
  constructor(operation: string) {
    super(`Event store denied access to ${operation}; check the connection string's credentials`);
  }
}
