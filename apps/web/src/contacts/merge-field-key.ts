/** The longest merge-field key the import engine makes (the API accepts no key it would not make). */
const MAX_KEY_LENGTH = 40;

/** What a custom field may be called: `{polling_place}` in a script. */
export const MERGE_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * A merge-field key from what someone typed or a column's header, the way the
 * server guesses them: "Polling Place" → polling_place, "Précinct #" →
 * precinct, "2024 vote" → field_2024_vote. '' when nothing usable is left.
 */
export function mergeFieldKey(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[0-9]/.test(words) ? `field_${words}` : words;
  return key.slice(0, MAX_KEY_LENGTH).replace(/_+$/, '');
}

/** A key for a column, not among `taken`: the header's key, else column_<n>, with _2, _3… when taken. */
export function freeMergeFieldKey(header: string, column: number, taken: ReadonlySet<string>): string {
  const base = mergeFieldKey(header) || `column_${column + 1}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, MAX_KEY_LENGTH - String(n).length - 1)}_${n}`;
  return key;
}
