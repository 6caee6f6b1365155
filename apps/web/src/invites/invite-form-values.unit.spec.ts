import { CreateInviteRequest } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../api/validate-request';
import { blankNamedInviteValues, blankVolunteerLinkValues, namedInviteFrom, volunteerInviteFrom } from './invite-form-values';

const campaignId = '0b8a4f7e-3c1d-4e9a-9b2f-6d5c4a3b2e1f';

describe('volunteer link values', () => {
  it('leave every option to the server when left empty', () => {
    expect(CreateInviteRequest.parse(volunteerInviteFrom(blankVolunteerLinkValues()))).toEqual({ kind: 'volunteer' });
  });

  it('become a request the contract accepts: campaign, expiry with an offset, a whole number of uses', () => {
    const request = CreateInviteRequest.parse(volunteerInviteFrom({ label: '', campaignId, expiresAt: '2030-05-01T12:00', maxUses: ' 50 ' }));
    expect(request).toMatchObject({ kind: 'volunteer', campaignId, maxUses: 50 });
    expect(request.expiresAt).toMatch(/^2030-05-01T12:00:00([+-]\d{2}:\d{2})$/);
  });

  it('send a label only when one is typed, and leave its checks to the contract', () => {
    expect(volunteerInviteFrom({ ...blankVolunteerLinkValues(), label: '   ' }).label).toBeUndefined();
    expect(CreateInviteRequest.parse(volunteerInviteFrom({ ...blankVolunteerLinkValues(), label: '  Saturday   phone bank ' }))).toEqual({ kind: 'volunteer', label: 'Saturday phone bank' });
    const long = validateRequest(CreateInviteRequest, volunteerInviteFrom({ ...blankVolunteerLinkValues(), label: 'x'.repeat(81) }));
    expect(long.ok ? [] : long.error.issues?.map((issue) => issue.path)).toEqual(['label']);
  });

  it('pass an unreadable count on as typed, so the contract reports it on its field', () => {
    const result = validateRequest(CreateInviteRequest, volunteerInviteFrom({ label: '', campaignId: '', expiresAt: '', maxUses: 'lots' }));
    expect(result.ok ? [] : result.error.issues?.map((issue) => issue.path)).toEqual(['maxUses']);
    const zero = validateRequest(CreateInviteRequest, volunteerInviteFrom({ label: '', campaignId: '', expiresAt: '', maxUses: '0' }));
    expect(zero.ok ? [] : zero.error.issues?.map((issue) => issue.path)).toEqual(['maxUses']);
  });
});

describe('named invite values', () => {
  it('become a named request for an admin by default', () => {
    const request = CreateInviteRequest.parse(namedInviteFrom({ ...blankNamedInviteValues(), email: ' Ada@Example.org ' }));
    expect(request).toEqual({ kind: 'named', role: 'admin', email: 'ada@example.org' });
  });

  it('are refused with the email named when it is not an address', () => {
    const result = validateRequest(CreateInviteRequest, namedInviteFrom({ email: 'nope', role: 'auditor' }));
    expect(result.ok ? [] : result.error.issues?.map((issue) => issue.path)).toEqual(['email']);
  });
});
