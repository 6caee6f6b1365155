import type { CampaignView } from '@textbank/contracts';

/** A valid campaign for specs; override what the spec is about. */
export function aCampaign(overrides: Partial<CampaignView> = {}): CampaignView {
  return {
    id: 'c1',
    name: 'Get out the vote',
    description: 'Remind supporters to vote',
    textingHours: { start: '09:00', end: '21:00' },
    status: 'draft',
    createdAt: '2025-03-01T10:00:00.000Z',
    createdBy: { id: 'p1', kind: 'person', name: 'Ada Organizer' },
    updatedAt: '2025-03-01T10:00:00.000Z',
    revision: 0,
    ...overrides,
  };
}
