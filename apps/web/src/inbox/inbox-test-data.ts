import type { ConversationView, MessageView } from '@textbank/contracts';

export function aMessage(overrides: Partial<MessageView> = {}): MessageView {
  return { messageId: 'm1', direction: 'out', body: 'Hi Maria, can we count on you Tuesday?', status: 'queued', errorCode: null, texterId: 'me', at: '2026-07-15T18:00:00Z', kind: null, ...overrides };
}

export function aConversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    contactId: 'k1',
    campaignId: 'c1',
    texterId: 'me',
    status: 'waiting',
    firstName: 'Maria',
    lastName: 'Lopez',
    phone: '+12125550101',
    timeZone: 'America/New_York',
    lastMessage: aMessage(),
    possibleOptOut: null,
    unreachable: null,
    tags: [],
    answers: [],
    updatedAt: '2026-07-15T18:00:00Z',
    ...overrides,
  };
}
