import { describe, expect, it } from 'vitest';
import { consequenceOf } from './error-consequences.js';

describe('consequenceOf: what a provider error code means for the product', () => {
  it.each([
    ['21610', { kind: 'opt_out' }],
    ['21211', { kind: 'unreachable', reason: 'invalid_number' }],
    ['21614', { kind: 'unreachable', reason: 'not_mobile' }],
    ['30003', { kind: 'unreachable', reason: 'unreachable' }],
    ['30005', { kind: 'unreachable', reason: 'unknown_handset' }],
    ['30006', { kind: 'unreachable', reason: 'landline' }],
    ['30007', { kind: 'campaign_alarm', alarm: 'carrier_filtered' }],
    ['30034', { kind: 'campaign_alarm', alarm: 'unregistered_10dlc' }],
    ['20429', { kind: 'back_pressure' }],
    ['429', { kind: 'back_pressure' }],
    ['30008', { kind: 'failure' }],
    ['21408', { kind: 'failure' }],
    ['', { kind: 'failure' }],
  ])('%s → %j', (code, expected) => {
    expect(consequenceOf(code)).toEqual(expected);
  });

  it('reads numeric codes as Twilio sends them in JSON, and no code as a plain failure', () => {
    expect(consequenceOf(21610)).toEqual({ kind: 'opt_out' });
    expect(consequenceOf(' 30007 ')).toEqual({ kind: 'campaign_alarm', alarm: 'carrier_filtered' });
    expect(consequenceOf(undefined)).toEqual({ kind: 'failure' });
    expect(consequenceOf(null)).toEqual({ kind: 'failure' });
  });
});
