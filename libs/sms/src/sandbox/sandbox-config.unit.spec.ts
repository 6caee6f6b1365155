import { describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULTS, sandboxConfigFrom } from './sandbox-config.js';

describe('the sandbox settings from the environment', () => {
  it('takes the defaults when nothing is set', () => {
    expect(sandboxConfigFrom({})).toEqual({
      fromNumber: '+15005550006',
      deliveryDelayMs: 1500,
      failureRate: 0.03,
      replyRate: 0.3,
      replyDelayMs: 4000,
    });
  });

  it('treats an empty variable (SANDBOX_REPLY_RATE= in a .env) as unset', () => {
    expect(sandboxConfigFrom({ SANDBOX_REPLY_RATE: '', SANDBOX_FROM_NUMBER: '  ' })).toEqual(SANDBOX_DEFAULTS);
  });

  it('reads every variable', () => {
    expect(
      sandboxConfigFrom({
        SANDBOX_DELIVERY_DELAY_MS: '0',
        SANDBOX_FAILURE_RATE: '1',
        SANDBOX_REPLY_RATE: ' 0.75 ',
        SANDBOX_REPLY_DELAY_MS: '60000',
        SANDBOX_FROM_NUMBER: '+14155550100',
        UNRELATED: 'x',
      }),
    ).toEqual({ fromNumber: '+14155550100', deliveryDelayMs: 0, failureRate: 1, replyRate: 0.75, replyDelayMs: 60_000 });
  });

  it.each([
    ['SANDBOX_REPLY_RATE', 'abc', "SANDBOX_REPLY_RATE must be a number from 0 to 1, got 'abc'"],
    ['SANDBOX_REPLY_RATE', '1.5', "SANDBOX_REPLY_RATE must be a number from 0 to 1, got '1.5'"],
    ['SANDBOX_FAILURE_RATE', '-0.1', "SANDBOX_FAILURE_RATE must be a number from 0 to 1, got '-0.1'"],
    ['SANDBOX_FAILURE_RATE', '3%', "SANDBOX_FAILURE_RATE must be a number from 0 to 1, got '3%'"],
    ['SANDBOX_FAILURE_RATE', '0x1', "SANDBOX_FAILURE_RATE must be a number from 0 to 1, got '0x1'"],
    ['SANDBOX_DELIVERY_DELAY_MS', '-5', "SANDBOX_DELIVERY_DELAY_MS must be a whole number of milliseconds from 0 to 86400000, got '-5'"],
    ['SANDBOX_DELIVERY_DELAY_MS', '1.5', "SANDBOX_DELIVERY_DELAY_MS must be a whole number of milliseconds from 0 to 86400000, got '1.5'"],
    ['SANDBOX_REPLY_DELAY_MS', '4s', "SANDBOX_REPLY_DELAY_MS must be a whole number of milliseconds from 0 to 86400000, got '4s'"],
    ['SANDBOX_REPLY_DELAY_MS', '1e3', "SANDBOX_REPLY_DELAY_MS must be a whole number of milliseconds from 0 to 86400000, got '1e3'"],
    ['SANDBOX_REPLY_DELAY_MS', '99999999999', "SANDBOX_REPLY_DELAY_MS must be a whole number of milliseconds from 0 to 86400000, got '99999999999'"],
    ['SANDBOX_FROM_NUMBER', '5005550006', "SANDBOX_FROM_NUMBER must be an E.164 number like +15005550006, got '5005550006'"],
    ['SANDBOX_FROM_NUMBER', '+1 500 555 0006', "SANDBOX_FROM_NUMBER must be an E.164 number like +15005550006, got '+1 500 555 0006'"],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => sandboxConfigFrom({ [name]: value })).toThrow(message);
  });
});
