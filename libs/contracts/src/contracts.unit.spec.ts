import { describe, expect, it } from 'vitest';
import { CreateCampaignRequest, SetupOrganizationRequest, SyncRequest, UpdateCampaignRequest } from './index.js';

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('shared request schemas', () => {
  it('normalises emails and states the password rule', () => {
    const ok = SetupOrganizationRequest.parse({ organizationName: ' Union ', name: 'Ada', email: ' Ada@Example.ORG ', password: 'twelve chars' });
    expect(ok).toMatchObject({ organizationName: 'Union', email: 'ada@example.org' });
    const weak = SetupOrganizationRequest.safeParse({ organizationName: 'U', name: 'A', email: 'a@b.org', password: 'short' });
    expect(issuesOf(weak)).toEqual(['password: must be at least 12 characters, at most 200']);
  });

  it('defaults texting hours to 9-21 and requires start before end', () => {
    expect(CreateCampaignRequest.parse({ name: 'GOTV' })).toEqual({ name: 'GOTV', description: '', textingHours: { start: '09:00', end: '21:00' } });
    expect(issuesOf(CreateCampaignRequest.safeParse({ name: 'x', textingHours: { start: '21:00', end: '09:00' } }))).toEqual([
      'textingHours.end: start must be before end',
    ]);
    expect(issuesOf(CreateCampaignRequest.safeParse({ name: 'x', textingHours: { start: '9:00', end: '21:00' } }))).toEqual([
      'textingHours.start: must be HH:MM (24-hour)',
    ]);
  });

  it('an edit must change something and carry the revision it was made from', () => {
    expect(UpdateCampaignRequest.safeParse({ expectedRevision: 0 }).success).toBe(false);
    expect(issuesOf(UpdateCampaignRequest.safeParse({ name: 'x' }))[0]).toMatch(/^expectedRevision/);
    expect(UpdateCampaignRequest.parse({ expectedRevision: 3, description: '' })).toEqual({ expectedRevision: 3, description: '' });
  });

  it('live topics are the known lists or one campaign by UUID', () => {
    expect(SyncRequest.safeParse({ topics: ['campaigns', 'campaign:0195f5a0-0000-7000-8000-000000000001'], since: '0' }).success).toBe(true);
    expect(SyncRequest.safeParse({ topics: ['campaign:../admin'], since: '0' }).success).toBe(false);
    expect(SyncRequest.safeParse({ topics: ['campaigns'], since: '12345678901234567890' }).success).toBe(false);
    expect(SyncRequest.safeParse({ topics: ['campaigns'], since: '9999999999999999999' }).success).toBe(false);
    expect(SyncRequest.safeParse({ topics: ['campaigns'], since: '9223372036854775807' }).success).toBe(true);
  });
});
