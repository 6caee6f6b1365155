import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { campaignDecider } from './campaign-decider.js';
import type { CampaignCreated } from './campaign-events.js';

const now = '2026-11-28T12:00:00.000Z';
const hours = { start: '09:00', end: '21:00' };
const created: CampaignCreated = {
  type: 'CampaignCreated',
  data: { campaignId: 'c1', organizationId: 'o1', name: 'GOTV', description: 'Get out the vote', textingHours: hours, createdAt: now },
};
const spec = specify(campaignDecider);

describe('campaign decider', () => {
  it('creates a draft campaign', () => {
    spec
      .given([])
      .when({ type: 'CreateCampaign', campaignId: 'c1', organizationId: 'o1', name: 'GOTV', description: 'Get out the vote', textingHours: hours, now })
      .then([created]);
  });

  it('refuses to create a campaign twice', () => {
    spec
      .given([created])
      .when({ type: 'CreateCampaign', campaignId: 'c1', organizationId: 'o1', name: 'Again', description: '', textingHours: hours, now })
      .thenRejects('conflict');
  });

  it('records only the details that changed', () => {
    spec
      .given([created])
      .when({ type: 'ChangeCampaignDetails', campaignId: 'c1', name: 'GOTV 2026', description: 'Get out the vote', now })
      .then([{ type: 'CampaignDetailsChanged', data: { campaignId: 'c1', name: 'GOTV 2026', changedAt: now } }]);
  });

  it('records nothing when nothing changed', () => {
    spec.given([created]).when({ type: 'ChangeCampaignDetails', campaignId: 'c1', textingHours: { ...hours }, now }).then([]);
  });

  it('applies earlier changes before comparing', () => {
    spec
      .given([created, { type: 'CampaignDetailsChanged', data: { campaignId: 'c1', textingHours: { start: '10:00', end: '20:00' }, changedAt: now } }])
      .when({ type: 'ChangeCampaignDetails', campaignId: 'c1', textingHours: { start: '10:00', end: '20:00' }, now })
      .then([]);
  });

  it('cannot change a campaign that does not exist', () => {
    spec.given([]).when({ type: 'ChangeCampaignDetails', campaignId: 'c9', name: 'X', now }).thenRejects('not_found');
  });
});
