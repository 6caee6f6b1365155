/**
 * Runs `work` over a batch of message events, up to `limit` at once, one
 * contact's messages in log order (a reply never overtakes the first text).
 * Waits for everything started, then fails with the first error, so the
 * caller's checkpoint never passes a message that was not handled.
 */
export async function inParallelPerContact<E extends { readonly data: unknown }>(events: readonly E[], limit: number, work: (event: E) => Promise<void>): Promise<void> {
  const byContact = new Map<string, E[]>();
  for (const event of events) {
    const contactId = (event.data as { contactId: string }).contactId;
    byContact.set(contactId, [...(byContact.get(contactId) ?? []), event]);
  }
  const queues = [...byContact.values()];
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < queues.length) {
      const queue = queues[next++]!;
      try {
        for (const event of queue) await work(event);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, queues.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
