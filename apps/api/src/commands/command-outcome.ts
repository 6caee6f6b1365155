import type { Rejection } from '@textbank/domain';

/** What a command answers: the `$all` position of its last event, or why it was refused. */
export type CommandOutcome =
  | { readonly ok: true; readonly position: bigint; readonly revision: bigint }
  | { readonly ok: false; readonly rejection: Rejection };

export const staleRevision = (expected: bigint, actual: bigint): CommandOutcome => ({
  ok: false,
  rejection: { code: 'conflict', message: `Expected revision ${expected}, but it is at ${actual}: someone else changed it first`, field: 'expectedRevision' },
});
