import { describe, expect, it } from 'vitest';
import { aConversation, aMessage } from './inbox-test-data';
import { loadReplyAlertChoice, replyToAnnounce, saveReplyAlertChoice } from './reply-alerts';

const change = (over: { kind?: string; direction?: 'in' | 'out'; texterId?: string | null; messageId?: string } = {}) => ({
  conversation: aConversation({ texterId: over.texterId === undefined ? 'ana' : over.texterId }),
  message: aMessage({ messageId: over.messageId ?? 'SM1', direction: over.direction ?? 'in', kind: over.kind ?? 'message', body: 'Who is this?' }),
  previousTexterId: null,
});

describe('reply alerts', () => {
  it("announces a contact's text in my conversation once, however often it is replayed", () => {
    const announced = new Set<string>();
    expect(replyToAnnounce(change(), 'ana', announced)?.body).toBe('Who is this?');
    expect(replyToAnnounce(change(), 'ana', announced)).toBeUndefined();
    expect(replyToAnnounce(change({ messageId: 'SM2' }), 'ana', announced)).toBeDefined();
  });

  it("stays quiet for my own texts, STOP, someone else's conversation and changes without a message", () => {
    const announced = new Set<string>();
    expect(replyToAnnounce(change({ direction: 'out' }), 'ana', announced)).toBeUndefined();
    expect(replyToAnnounce(change({ kind: 'opt_out' }), 'ana', announced)).toBeUndefined();
    expect(replyToAnnounce(change({ texterId: 'ben' }), 'ana', announced)).toBeUndefined();
    expect(replyToAnnounce({ ...change(), message: null }, 'ana', announced)).toBeUndefined();
  });

  it('remembers the choice per browser; anything unknown is off', () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    expect(loadReplyAlertChoice(storage)).toBe('off');
    saveReplyAlertChoice('sound', storage);
    expect(loadReplyAlertChoice(storage)).toBe('sound');
    stored.set('textbank.replyAlerts', 'loud');
    expect(loadReplyAlertChoice(storage)).toBe('off');
    expect(loadReplyAlertChoice(undefined)).toBe('off');
  });
});
