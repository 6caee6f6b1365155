import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { campaignDecider, type CampaignCommand } from './campaign-decider.js';
import type { CampaignCreated, CampaignEvent } from './campaign-events.js';
import type { CampaignFacts } from './launch-checklist.js';

const now = '2026-11-28T12:00:00.000Z';
const created: CampaignCreated = {
  type: 'CampaignCreated',
  data: { campaignId: 'c1', organizationId: 'o1', name: 'GOTV', description: '', textingHours: { start: '09:00', end: '21:00' }, createdAt: now },
};
const ready: CampaignFacts = { contactCount: 1200, hasInitialScript: true, unknownMergeFields: [] };
const nothingYet: CampaignFacts = { contactCount: 0, hasInitialScript: false, unknownMergeFields: [] };
const launched: CampaignEvent = { type: 'CampaignLaunched', data: { campaignId: 'c1', launchedAt: now } };
const paused: CampaignEvent = { type: 'CampaignPaused', data: { campaignId: 'c1', pausedAt: now } };
const resumed: CampaignEvent = { type: 'CampaignResumed', data: { campaignId: 'c1', resumedAt: now } };
const archivedFrom = (from: 'draft' | 'active' | 'paused'): CampaignEvent => ({ type: 'CampaignArchived', data: { campaignId: 'c1', from, archivedAt: now } });

const launch: CampaignCommand = { type: 'LaunchCampaign', campaignId: 'c1', facts: ready, now };
const pause: CampaignCommand = { type: 'PauseCampaign', campaignId: 'c1', now };
const resume: CampaignCommand = { type: 'ResumeCampaign', campaignId: 'c1', facts: ready, now };
const archive: CampaignCommand = { type: 'ArchiveCampaign', campaignId: 'c1', now };
const spec = specify(campaignDecider);

describe('campaign lifecycle', () => {
  it('draft → active → paused → active → archived', () => {
    spec.given([created]).when(launch).then([launched]);
    spec.given([created, launched]).when(pause).then([paused]);
    spec.given([created, launched, paused]).when(resume).then([resumed]);
    spec.given([created, launched, paused, resumed]).when(archive).then([archivedFrom('active')]);
  });

  it('archives from draft and from paused; archiving is final', () => {
    spec.given([created]).when(archive).then([archivedFrom('draft')]);
    spec.given([created, launched, paused]).when(archive).then([archivedFrom('paused')]);
    for (const command of [launch, pause, resume]) spec.given([created, archivedFrom('draft')]).when(command).thenRejects('conflict', /archived/);
    spec.given([created, archivedFrom('draft')]).when({ type: 'ChangeCampaignDetails', campaignId: 'c1', name: 'Back', now }).thenRejects('conflict');
  });

  it('asking for the status it already has records nothing', () => {
    spec.given([created, launched]).when(launch).then([]);
    spec.given([created, launched, paused]).when(pause).then([]);
    spec.given([created, launched]).when(resume).then([]);
    spec.given([created, archivedFrom('draft')]).when(archive).then([]);
  });

  it('refuses steps out of order', () => {
    spec.given([created]).when(pause).thenRejects('conflict', /not been launched/);
    spec.given([created]).when(resume).thenRejects('conflict', /launch it instead/);
    spec.given([created, launched, paused]).when(launch).thenRejects('conflict', /resume it instead/);
  });

  it('refuses a launch that misses something, saying what', () => {
    spec
      .given([created])
      .when({ ...launch, facts: nothingYet })
      .thenRejects('conflict', /^Not ready: No contacts yet: upload a list; No initial script yet: write what to say first$/);
    spec
      .given([created])
      .when({ ...launch, facts: { ...ready, unknownMergeFields: ['shoeSize'] } })
      .thenRejects('conflict', /merge fields no contact has: \{shoeSize\}/);
  });

  it('refuses texting hours outside 08:00–21:00 at launch', () => {
    const late: CampaignEvent = { type: 'CampaignDetailsChanged', data: { campaignId: 'c1', textingHours: { start: '10:00', end: '22:00' }, changedAt: now } };
    spec.given([created, late]).when(launch).thenRejects('conflict', /10:00–22:00 must lie within 08:00–21:00/);
  });

  it('checks the list again on resume', () => {
    spec.given([created, launched, paused]).when({ ...resume, facts: { ...ready, contactCount: 0 } }).thenRejects('conflict', /No contacts/);
  });

  it('details stay fixed once launched, paused too', () => {
    spec.given([created, launched]).when({ type: 'ChangeCampaignDetails', campaignId: 'c1', name: 'X', now }).thenRejects('conflict', /active/);
    spec.given([created, launched, paused]).when({ type: 'ChangeCampaignDetails', campaignId: 'c1', name: 'X', now }).thenRejects('conflict', /paused/);
  });

  it('a campaign that does not exist has no lifecycle', () => {
    for (const command of [launch, pause, resume, archive]) spec.given([]).when(command).thenRejects('not_found');
  });
});
