import { InvalidAppendError } from '../errors.js';
import type { StreamMetadata } from '../types.js';

/** EventStoreDB's soft-delete marker: `$tb` = long.MaxValue (its `EventNumber.DeletedStream`). */
export const DELETED_STREAM = 2n ** 63n - 1n;
/** The marker this adapter wrote before it matched EventStoreDB; such streams stay deleted. */
const LEGACY_DELETED_STREAM = BigInt(Number.MAX_SAFE_INTEGER);
const RESERVED = ['$maxAge', '$maxCount', '$tb'] as const;

/**
 * Stream metadata as EventStoreDB stores it in `$$<stream>`: `$maxAge`,
 * `$maxCount` and `$tb` beside the custom fields, `$tb` a JSON integer (a
 * long). JSON.stringify cannot write a 64-bit integer, so `$tb` is spliced in.
 */
export function encodeMetadata(metadata: StreamMetadata): string {
  const json = JSON.stringify({
    ...(metadata.custom ?? {}),
    ...(metadata.maxAge !== undefined && { $maxAge: metadata.maxAge }),
    ...(metadata.maxCount !== undefined && { $maxCount: metadata.maxCount }),
  });
  if (metadata.truncateBefore === undefined) return json;
  const tb = `"$tb":${metadata.truncateBefore.toString()}`;
  return json === '{}' ? `{${tb}}` : `${json.slice(0, -1)},${tb}}`;
}

/**
 * Stored metadata, read defensively: anything malformed counts as no
 * metadata at all, as EventStoreDB reads it (`StreamMetadata.Empty`), so one
 * bad event never makes its stream unreadable or unwritable.
 */
export function decodeMetadata(json: string): StreamMetadata | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isJsonObject(parsed)) return undefined;
  const { $maxAge, $maxCount, $tb, ...custom } = parsed;
  if (!isAbsentOrPositive($maxAge) || !isAbsentOrPositive($maxCount)) return undefined;
  const truncateBefore = revisionOf($tb);
  if (truncateBefore === null) return undefined;
  return {
    ...($maxAge !== undefined && { maxAge: $maxAge }),
    ...($maxCount !== undefined && { maxCount: $maxCount }),
    ...(truncateBefore !== undefined && { truncateBefore }),
    ...(Object.keys(custom).length > 0 && { custom }),
  };
}

/** What setStreamMetadata accepts: what decodeMetadata would read back unchanged. */
export function assertStreamMetadata(metadata: StreamMetadata): void {
  for (const key of ['maxAge', 'maxCount'] as const) {
    if (!isAbsentOrPositive(metadata[key])) throw new InvalidAppendError(`Stream metadata: ${key} must be a positive integer`);
  }
  const { truncateBefore, custom } = metadata;
  if (truncateBefore !== undefined && (typeof truncateBefore !== 'bigint' || truncateBefore < 0n || truncateBefore > DELETED_STREAM)) {
    throw new InvalidAppendError('Stream metadata: truncateBefore must be a revision (0 to 2^63-1)');
  }
  if (custom !== undefined && !isJsonObject(custom)) throw new InvalidAppendError('Stream metadata: custom must be an object');
  const reserved = RESERVED.find((key) => custom !== undefined && key in custom);
  if (reserved) throw new InvalidAppendError(`Stream metadata: custom may not set ${reserved}; use the typed field`);
}

/** An event appended straight to a `$$` stream is the stream's metadata: refuse what could not be read back. */
export function assertMetadataEventData(data: unknown, index: number): void {
  const refuse = (why: string) => new InvalidAppendError(`Event ${index}: stream metadata ${why}`);
  if (!isJsonObject(data)) throw refuse('must be a JSON object');
  if (!isAbsentOrPositive(data['$maxAge'])) throw refuse('$maxAge must be a positive integer');
  if (!isAbsentOrPositive(data['$maxCount'])) throw refuse('$maxCount must be a positive integer');
  const tb = data['$tb'];
  if (tb !== undefined && !(Number.isSafeInteger(tb) && (tb as number) >= 0)) {
    throw refuse('$tb must be a non-negative integer (use deleteStream to soft delete)');
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsentOrPositive(value: unknown): value is number | undefined {
  return value === undefined || (Number.isSafeInteger(value) && (value as number) > 0);
}

/**
 * `$tb` as a revision: undefined when absent, null when malformed. A JSON
 * number beyond 2^53 has lost its last digits in JSON.parse; at 2^63 it can
 * only have been EventStoreDB's marker. Decimal strings are how this adapter
 * used to store it.
 */
function revisionOf(tb: unknown): bigint | undefined | null {
  if (tb === undefined) return undefined;
  let revision: bigint;
  if (typeof tb === 'number' && Number.isInteger(tb)) revision = tb >= 2 ** 63 ? DELETED_STREAM : BigInt(tb);
  else if (typeof tb === 'string' && /^\d{1,19}$/.test(tb)) revision = BigInt(tb);
  else return null;
  if (revision < 0n || revision > DELETED_STREAM) return null;
  return revision === LEGACY_DELETED_STREAM ? DELETED_STREAM : revision;
}
