const MAX_KEY_LENGTH = 40;

/** What a merge field may be named: `{polling_place}` in a script. */
export const MERGE_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Merge-field-safe keys for custom columns, in column order: "Polling Place"
 * → polling_place, "Précinct #" → precinct, "2024 vote" → field_2024_vote, a
 * blank header → column_<n>. A key already taken gets _2, _3…, so two columns
 * never share a merge field. Keys are lower case, so they can never shadow the
 * camelCase built-ins ({firstName}, {texterFirstName}).
 */
export function customFieldKeys(headers: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return headers.map((header, index) => {
    const base = baseKey(header) || `column_${index + 1}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base.slice(0, MAX_KEY_LENGTH - String(n).length - 1)}_${n}`;
    used.add(key);
    return key;
  });
}

function baseKey(header: string): string {
  const words = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[0-9]/.test(words) ? `field_${words}` : words;
  return key.slice(0, MAX_KEY_LENGTH).replace(/_+$/, '');
}
