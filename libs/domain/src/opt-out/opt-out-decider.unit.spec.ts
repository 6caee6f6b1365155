import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { optOutDecider } from './opt-out-decider.js';

const now = '2026-12-02T12:00:00.000Z';
const spec = specify(optOutDecider);

describe('opt-out decider', () => {
  it('records E.164 numbers once each, from any source', () => {
    spec.given([]).when({ type: 'OptOutPhones', organizationId: 'o1', phones: ['+14155550100', '+14155550100', '+12025550111'], source: 'import', now }).then([
      { type: 'PhonesOptedOut', data: { organizationId: 'o1', phones: ['+14155550100', '+12025550111'], source: 'import', optedOutAt: now } },
    ]);
  });

  it('refuses numbers that are not E.164, and empty or oversized batches', () => {
    spec.given([]).when({ type: 'OptOutPhones', organizationId: 'o1', phones: ['415-555-0100'], source: 'manual', now }).thenRejects('invalid', /E\.164/);
    spec.given([]).when({ type: 'OptOutPhones', organizationId: 'o1', phones: [], source: 'manual', now }).thenRejects('invalid');
    spec.given([]).when({ type: 'OptOutPhones', organizationId: 'o1', phones: Array(2001).fill('+14155550100'), source: 'import', now }).thenRejects('invalid');
  });
});

describe('opting back in', () => {
  it('records START from the contact; refuses a number that is not E.164', () => {
    spec.given([]).when({ type: 'OptInPhone', organizationId: 'o1', phone: '+14155550100', source: 'reply', now }).then([
      { type: 'PhoneOptedIn', data: { organizationId: 'o1', phone: '+14155550100', source: 'reply', optedInAt: now } },
    ]);
    spec.given([]).when({ type: 'OptInPhone', organizationId: 'o1', phone: 'START', source: 'reply', now }).thenRejects('invalid');
  });
});
