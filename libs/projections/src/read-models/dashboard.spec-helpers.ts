import type { AnyDomainEvent } from '@textbank/domain';

/** Texting-night events for the dashboard's specs, at minutes after 20:00 UTC on one day. */
export const c1 = 'c1';
export type Given = [string, AnyDomainEvent];
export const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 28, 20, minute, second)).toISOString();
export const phoneOf = (contactId: string) => `+1555000${contactId.padStart(4, '0')}`;

export const sent = (contactId: string, texterId: string, minute: number, messageId = `m-${contactId}`): Given => [
  `texting-${c1}`,
  {
    type: 'InitialMessageSent',
    data: { campaignId: c1, contactId, texterId, messageId, gestureId: messageId, gestureAt: at(minute), to: phoneOf(contactId), body: 'Hi', scriptVersion: 1, variantId: 'v', segments: 1, encoding: 'GSM-7', hoursDecision: { timeZone: null, localTime: '10:00', hours: { start: '09:00', end: '21:00' } } },
  } as AnyDomainEvent,
];
export const replySent = (contactId: string, texterId: string, minute: number, messageId: string): Given => [
  `conversation-${contactId}`,
  { type: 'ReplySent', data: { campaignId: c1, contactId, texterId, messageId, to: phoneOf(contactId), body: 'Thanks', segments: 1, encoding: 'GSM-7', sentAt: at(minute) } } as AnyDomainEvent,
];
export const delivery = (contactId: string, status: 'sent' | 'delivered' | 'undelivered' | 'failed', minute: number, errorCode?: string, messageId = `m-${contactId}`): Given => [
  `conversation-${contactId}`,
  { type: 'MessageDeliveryUpdated', data: { campaignId: c1, contactId, messageId, status, ...(errorCode && { errorCode }), at: at(minute) } } as AnyDomainEvent,
];
export const notSent = (contactId: string, reason: string, minute: number, errorCode?: string): Given => [
  `conversation-${contactId}`,
  { type: 'MessageNotSent', data: { campaignId: c1, contactId, messageId: `m-${contactId}`, reason, ...(errorCode && { errorCode }), detail: 'x', at: at(minute) } } as AnyDomainEvent,
];
export const reply = (contactId: string, minute: number, kind = 'message', id = `r-${contactId}-${minute}`): Given => [
  `conversation-${contactId}`,
  { type: 'ReplyReceived', data: { campaignId: c1, contactId, providerMessageId: id, from: phoneOf(contactId), to: '+15550009999', body: 'yo', kind, receivedAt: at(minute) } } as AnyDomainEvent,
];
export const optedOut = (contactId: string, source: string, minute: number): Given => [
  'opt-outs-o1',
  { type: 'PhonesOptedOut', data: { organizationId: 'o1', phones: [phoneOf(contactId)], source, optedOutAt: at(minute) } } as AnyDomainEvent,
];
export const optedIn = (contactId: string, minute: number): Given => [
  'opt-outs-o1',
  { type: 'PhoneOptedIn', data: { organizationId: 'o1', phone: phoneOf(contactId), source: 'reply', optedInAt: at(minute) } } as AnyDomainEvent,
];
export const reassigned = (contactIds: string[], fromTexterId: string, toTexterId: string, minute: number): Given => [
  `texting-${c1}`,
  { type: 'ContactsReassigned', data: { campaignId: c1, fromTexterId, toTexterId, contactIds, reassignedAt: at(minute) } } as AnyDomainEvent,
];
export const answered = (contactId: string, questionId: string, answerId: string, minute: number, previousAnswerId?: string): Given => [
  `conversation-${contactId}`,
  { type: 'SurveyAnswerRecorded', data: { campaignId: c1, contactId, questionId, answerId, ...(previousAnswerId && { previousAnswerId }), surveyVersion: 1, by: 'ann', recordedAt: at(minute) } } as AnyDomainEvent,
];
export const tagged = (contactId: string, tagId: string, minute: number): Given => [
  `conversation-${contactId}`,
  { type: 'ConversationTagged', data: { campaignId: c1, contactId, tagId, by: 'ann', taggedAt: at(minute) } } as AnyDomainEvent,
];

export const dispatched = (contactId: string, minute: number, reconciled = false): Given => [
  `conversation-${contactId}`,
  { type: 'MessageDispatched', data: { campaignId: c1, contactId, messageId: `m-${contactId}`, providerMessageId: `p-${contactId}`, from: '+15550009999', ...(reconciled && { reconciled: true }), dispatchedAt: at(minute) } } as AnyDomainEvent,
];
export const outcomeUnknown = (contactId: string, minute: number): Given => [
  `conversation-${contactId}`,
  { type: 'MessageOutcomeUnknown', data: { campaignId: c1, contactId, messageId: `m-${contactId}`, attemptedAt: at(minute), detail: 'timeout', at: at(minute) } } as AnyDomainEvent,
];
export const unreachable = (contactId: string, errorCode: string, minute: number): Given => [
  `conversation-${contactId}`,
  { type: 'ContactMarkedUnreachable', data: { campaignId: c1, contactId, messageId: `m-${contactId}`, errorCode, reason: 'landline', at: at(minute) } } as AnyDomainEvent,
];
export const carrierAlarm = (alarm: 'carrier_filtered' | 'unregistered_10dlc', errorCode: string, minute: number): Given => [
  `delivery-alarms-${c1}`,
  { type: 'DeliveryAlarmRaised', data: { campaignId: c1, alarm, errorCode, messageId: 'm-x', raisedAt: at(minute) } } as AnyDomainEvent,
];
