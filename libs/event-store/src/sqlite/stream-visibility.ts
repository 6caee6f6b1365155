import type { StreamMetadata } from '../types.js';
import { DELETED_STREAM } from '../validation/metadata-json.js';

export type Visibility = 'deleted' | { readonly minRevision: number; readonly minCreated: number };

const EVERYTHING: Visibility = { minRevision: 0, minCreated: 0 };

/**
 * Which events of a stream a read may return: stream metadata is applied at
 * read time ($tb, $maxCount, $maxAge), nothing is physically removed. One
 * rule for readStream and stream subscriptions.
 */
export function visibilityOf(metadata: StreamMetadata | undefined, lastRevision: number, now: number): Visibility {
  if (!metadata) return EVERYTHING;
  if (metadata.truncateBefore === DELETED_STREAM) return 'deleted';
  const byTruncate = metadata.truncateBefore === undefined ? 0 : Number(metadata.truncateBefore);
  const byCount = metadata.maxCount === undefined ? 0 : lastRevision - metadata.maxCount + 1;
  const minCreated = metadata.maxAge === undefined ? 0 : now - metadata.maxAge * 1000;
  return { minRevision: Math.max(byTruncate, byCount, 0), minCreated };
}
