import type { InviteView } from '@textbank/contracts';

/** A valid invite for specs; override what the spec is about. */
export function anInvite(overrides: Partial<InviteView> = {}): InviteView {
  return {
    id: 'i1',
    kind: 'volunteer',
    role: 'volunteer',
    email: null,
    campaignId: null,
    label: null,
    expiresAt: '2999-01-01T00:00:00.000Z',
    maxUses: null,
    uses: 0,
    status: 'open',
    createdAt: '2025-03-01T10:00:00.000Z',
    createdBy: 'p1',
    ...overrides,
  };
}
