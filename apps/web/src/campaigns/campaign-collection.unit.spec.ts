import { describe, expect, it } from 'vitest';
import { upsertCampaign } from './campaign-collection';
import { aCampaign } from './campaign-test-data';

describe('upsertCampaign', () => {
  it('adds a new campaign and keeps the newest first', () => {
    const older = aCampaign({ id: 'a', createdAt: '2025-01-01T00:00:00Z' });
    const newer = aCampaign({ id: 'b', createdAt: '2025-02-01T00:00:00Z' });
    expect(upsertCampaign([older], newer).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('replaces a campaign with its newer revision', () => {
    const list = upsertCampaign([aCampaign({ revision: 0 })], aCampaign({ revision: 1, name: 'Renamed' }));
    expect(list).toHaveLength(1);
    expect(list[0]?.name).toBe('Renamed');
  });

  it('never replaces a newer revision with an older one that arrived late', () => {
    const list = upsertCampaign([aCampaign({ revision: 3, name: 'Current' })], aCampaign({ revision: 2, name: 'Stale' }));
    expect(list[0]?.name).toBe('Current');
  });
});
