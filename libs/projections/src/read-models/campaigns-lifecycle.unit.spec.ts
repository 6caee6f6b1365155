import type { AnyDomainEvent } from '@textbank/domain';
import { describe, expect, it } from 'vitest';
import { projectorSpec } from '../projector.spec-helpers.js';
import { campaignsProjector, findCampaign } from './campaigns.js';

const at = (hour: number) => `2026-11-28T${String(hour).padStart(2, '0')}:00:00.000Z`;
const c1 = '0195f5a0-0000-7000-8000-0000000000c1';
const stream = `campaign-${c1}`;
const event = (e: AnyDomainEvent): [string, AnyDomainEvent] => [stream, e];

describe('campaigns read model: lifecycle', () => {
  it('status follows launch, pause, resume and archive, with the revision to expect next', () => {
    const spec = projectorSpec(campaignsProjector);
    spec.given(
      event({ type: 'CampaignCreated', data: { campaignId: c1, organizationId: 'o1', name: 'GOTV', description: '', textingHours: { start: '09:00', end: '21:00' }, createdAt: at(9) } }),
    );
    const steps: Array<[AnyDomainEvent, string]> = [
      [{ type: 'CampaignLaunched', data: { campaignId: c1, launchedAt: at(10) } }, 'active'],
      [{ type: 'CampaignPaused', data: { campaignId: c1, pausedAt: at(11) } }, 'paused'],
      [{ type: 'CampaignResumed', data: { campaignId: c1, resumedAt: at(12) } }, 'active'],
      [{ type: 'CampaignArchived', data: { campaignId: c1, from: 'active', archivedAt: at(13) } }, 'archived'],
    ];
    for (const [index, [step, status]] of steps.entries()) {
      const [change] = spec.given(event(step));
      expect(findCampaign(spec.db, c1)).toMatchObject({ status, revision: index + 1, updatedAt: at(10 + index) });
      expect(change).toMatchObject({ kind: 'campaign.upserted', topic: 'campaigns', payload: { status } });
    }
  });
});
