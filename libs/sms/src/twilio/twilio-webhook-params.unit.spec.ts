import { describe, expect, it } from 'vitest';
import { deliveryUpdateOf, inboundMessageOf } from './twilio-webhook-params.js';

const at = '2026-07-15T18:00:00.000Z';

describe("Twilio's webhook fields", () => {
  it.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
    ['sending', 'queued'],
    ['accepted', 'queued'],
  ])('status %s is %s', (reported, status) => {
    expect(deliveryUpdateOf({ MessageSid: 'SM1', MessageStatus: reported }, at)).toEqual({ providerMessageId: 'SM1', status, at });
  });

  it('keeps the error code, drops a zero one, and names what is missing', () => {
    expect(deliveryUpdateOf({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30006' }, at)).toMatchObject({ errorCode: '30006' });
    expect(deliveryUpdateOf({ MessageSid: 'SM1', MessageStatus: 'delivered', ErrorCode: '0' }, at)).not.toHaveProperty('errorCode');
    expect(deliveryUpdateOf({ MessageStatus: 'sent' }, at)).toEqual({ invalid: 'MessageSid' });
    expect(deliveryUpdateOf({ MessageSid: 'SM1', MessageStatus: 'teleported' }, at)).toEqual({ invalid: 'MessageStatus' });
  });

  it('reads an inbound text; an empty body is a text too', () => {
    expect(inboundMessageOf({ MessageSid: 'SM2', From: '+12125550101', To: '+15005550006', Body: 'STOP' }, at)).toEqual({ providerMessageId: 'SM2', from: '+12125550101', to: '+15005550006', body: 'STOP', receivedAt: at });
    expect(inboundMessageOf({ MessageSid: 'SM2', From: '+12125550101', To: '+15005550006' }, at)).toMatchObject({ body: '' });
    expect(inboundMessageOf({ MessageSid: 'SM2', To: '+15005550006' }, at)).toEqual({ invalid: 'From' });
  });
});
