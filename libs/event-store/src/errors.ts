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
