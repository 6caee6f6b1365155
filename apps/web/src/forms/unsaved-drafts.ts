/** The part of Web Storage drafts need; specs pass a Map-backed fake. */
export type DraftShelf = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'textbank:draft:';

/**
 * What someone typed and has not saved, kept in the tab's sessionStorage so
 * it survives leaving the screen (or a reload) and is gone with the tab.
 * Never a password: only campaign forms keep drafts.
 */
export function keepDraft(key: string, draft: unknown, shelf: DraftShelf | undefined = defaultShelf()): void {
  try {
    shelf?.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the draft lives as long as the screen, as before.
  }
}

/** The kept draft if it still has the shape `read` expects, else null (and it is dropped). */
export function takeDraft<T>(key: string, read: (raw: unknown) => T | null, shelf: DraftShelf | undefined = defaultShelf()): T | null {
  let raw: string | null = null;
  try {
    raw = shelf?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const draft = read(JSON.parse(raw));
    if (draft === null) dropDraft(key, shelf);
    return draft;
  } catch {
    dropDraft(key, shelf);
    return null;
  }
}

export function dropDraft(key: string, shelf: DraftShelf | undefined = defaultShelf()): void {
  try {
    shelf?.removeItem(PREFIX + key);
  } catch {
    // Nothing kept, nothing to drop.
  }
}

function defaultShelf(): DraftShelf | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
