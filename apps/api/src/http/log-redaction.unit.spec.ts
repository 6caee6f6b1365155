import { describe, expect, it } from 'vitest';
import { redactPath, requestForLog } from './log-redaction.js';

describe('log redaction', () => {
  it('keeps invite tokens out of request logs', () => {
    const token = 'L5_JN4t3xWqvV0H2bq6u8sWwC9yQm1pA3tJmZk7dE0f';
    expect(redactPath(`/api/join/${token}`)).toBe('/api/join/[redacted]');
    expect(redactPath(`/api/join/${token}?x=1`)).toBe('/api/join/[redacted]?x=1');
    expect(redactPath('/api/campaigns/abc')).toBe('/api/campaigns/abc');
    const logged = requestForLog({ id: 'r1', method: 'POST', url: `/api/join/${token}`, params: { token } });
    expect(JSON.stringify(logged)).not.toContain(token);
  });
});
