/** "Give me 50 more" by default; the server holds a texter to a batch of untexted contacts at a time (200), so more is never offered. */
export const DEFAULT_BATCH = 50;

export const BATCH_CHOICES = { suggested: [25, 50, 100, 200], max: 200 } as const;

/** An admin hands out more at once (the API's own limit). */
export const MAX_ASSIGN = 10_000;

/** The count typed, or null when it is not a whole number from 1 to `max`. */
export function batchCount(typed: string | number | null | undefined, max: number = BATCH_CHOICES.max): number | null {
  const text = String(typed ?? '').trim();
  if (!/^\d{1,6}$/.test(text)) return null;
  const count = Number(text);
  return count >= 1 && count <= max ? count : null;
}
