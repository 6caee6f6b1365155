import { describe, expect, it } from 'vitest';
import { redactPath, requestForLog } from './log-redaction.js';

describe('log redaction', () => {
  const token = 'L5_JN4t3xWqvV0H2bq6u8sWwC9yQm1pA3tJmZk7dE0f';

  it('keeps invite tokens out of request logs', () => {
    expect(redactPath(`/api/join/${token}`)).toBe('/api/join/[redacted]');
    expect(redactPath(`/api/join/${token}?x=1`)).toBe('/api/join/[redacted]?x=1');
    expect(redactPath(`/api/password-reset/${token}`)).toBe('/api/password-reset/[redacted]');
    expect(redactPath(`/API/Password-Reset/${token}/`)).toBe('/API/Password-Reset/[redacted]');
    expect(redactPath('/api/campaigns/abc')).toBe('/api/campaigns/abc');
    const logged = requestForLog({ id: 'r1', method: 'POST', url: `/api/join/${token}`, params: { token } });
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it('in every spelling Express routes to the same handler, and the ones it nearly does', () => {
    const variants = [
      `/Api/join/${token}`,
      `/API/JOIN/${token}`,
      `/api/Join/${token}/`,
      `/api/join/${token}//`,
      `/api/join/${token};x`,
      `/api/jo%69n/${token}`,
      `/%61pi/join/${token}`,
      `/api/join%2F${token}`,
      `/api/join%2f${token}/more`,
      `/api/join/${token.slice(0, 10)}%2F${token.slice(10)}`,
      `http://127.0.0.1:3000/api/join/${token}`,
      `/join/${token}`,
    ];
    for (const url of variants) {
      const redacted = redactPath(url)!;
      expect(redacted, url).not.toContain(token.slice(0, 10));
      expect(redacted, url).toMatch(/\/join\/\[redacted\]$/i);
    }
  });

  it('leaves other paths, and a bare join route, as they came', () => {
    expect(redactPath('/api/join/')).toBe('/api/join/');
    expect(redactPath('/api/joined/abc')).toBe('/api/joined/abc');
    expect(redactPath('/api/campaigns/%E0%A4%A')).toBe('/api/campaigns/%E0%A4%A');
    expect(redactPath(undefined)).toBeUndefined();
  });
});
