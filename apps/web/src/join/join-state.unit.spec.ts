import { describe, expect, it } from 'vitest';
import { joinStateFrom } from './join-state';

const preview = { organizationName: 'Friends of the Park', role: 'volunteer' as const, email: null, campaignName: null };
const error = (statusCode: number, message: string) => ({ ok: false as const, error: { statusCode, error: 'x', message } });

describe('joinStateFrom', () => {
  it('shows the form for a link that works', () => {
    expect(joinStateFrom({ ok: true, value: preview })).toEqual({ phase: 'ready', preview });
  });

  it("shows the server's words, and no form, for an unknown, expired, revoked or used-up link", () => {
    expect(joinStateFrom(error(410, 'This invite link has expired'))).toEqual({ phase: 'unusable', message: 'This invite link has expired' });
    expect(joinStateFrom(error(404, 'No such invite link'))).toEqual({ phase: 'unusable', message: 'No such invite link' });
  });

  it('offers to try again when the server could not be asked, rather than calling the link dead', () => {
    expect(joinStateFrom(error(0, 'Could not reach Textbank.'))).toEqual({ phase: 'unreachable', message: 'Could not reach Textbank.' });
    expect(joinStateFrom(error(503, 'Starting up'))).toMatchObject({ phase: 'unreachable' });
  });
});
