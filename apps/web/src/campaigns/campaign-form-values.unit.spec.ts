import { CreateCampaignRequest } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { blankCampaignValues, campaignValuesOf, createRequestFrom, updateRequestFrom } from './campaign-form-values';
import { aCampaign } from './campaign-test-data';

describe('campaign form values', () => {
  it('start with the default texting hours, 09:00 to 21:00', () => {
    expect(blankCampaignValues()).toMatchObject({ start: '09:00', end: '21:00' });
  });

  it('become a create request the contract accepts', () => {
    const request = createRequestFrom({ name: ' Spring drive ', description: '', start: '10:00', end: '20:00' });
    expect(CreateCampaignRequest.parse(request)).toEqual({ name: 'Spring drive', description: '', textingHours: { start: '10:00', end: '20:00' } });
  });

  it('send only the changed fields with the revision the editor loaded', () => {
    const campaign = aCampaign({ revision: 4 });
    const values = { ...campaignValuesOf(campaign), end: '20:00' };
    expect(updateRequestFrom(campaign, values, campaign.revision)).toEqual({
      expectedRevision: 4,
      textingHours: { start: '09:00', end: '20:00' },
    });
  });

  it('ask for no update when nothing changed but whitespace', () => {
    const campaign = aCampaign();
    expect(updateRequestFrom(campaign, { ...campaignValuesOf(campaign), name: `${campaign.name}  ` }, 0)).toBeNull();
  });
});
