/**
 * Old event shapes raised to the current one as they are read:
 * `{ Type: { 1: (v1) => v2 } }`. Empty while every type is at version 1; the
 * API hands this to the event store's upcasting hook.
 */
export const UPCASTERS: Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>> = {};
