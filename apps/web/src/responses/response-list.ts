import type { CannedResponseView } from '@textbank/contracts';

/** The ids in their new order, one place up (-1) or down (+1); unchanged at either end. */
export function moveResponse(order: readonly string[], id: string, by: -1 | 1): string[] {
  const from = order.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= order.length) return [...order];
  const moved = [...order];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

/** The responses in a new order of ids (ranks renumbered), as the server will have them. */
export function inOrder(responses: readonly CannedResponseView[], order: readonly string[]): CannedResponseView[] {
  const byId = new Map(responses.map((response) => [response.responseId, response]));
  return order.flatMap((id, rank) => {
    const response = byId.get(id);
    return response ? [{ ...response, rank }] : [];
  });
}

/**
 * A pushed list older than a move of this screen's own (or arriving while one
 * is unanswered): its contents in the order on screen, so the list does not
 * jump back a place and then forward again. A different set of responses
 * (one added or deleted meanwhile) is taken as pushed.
 */
export function inScreenOrder(pushed: readonly CannedResponseView[], onScreen: readonly CannedResponseView[]): CannedResponseView[] {
  const ids = new Set(onScreen.map((response) => response.responseId));
  const same = pushed.length === ids.size && pushed.every((response) => ids.has(response.responseId));
  return same ? inOrder(pushed, onScreen.map((response) => response.responseId)) : [...pushed];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Titles and bodies, ignoring case and accents, as the API's `q` does; the whole list (at most 100) is at hand and live. */
export function searchResponses(responses: readonly CannedResponseView[], query: string): CannedResponseView[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...responses];
  return responses.filter((response) => {
    const text = fold(`${response.title} ${response.body}`);
    return words.every((word) => text.includes(word));
  });
}
