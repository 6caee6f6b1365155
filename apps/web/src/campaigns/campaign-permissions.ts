import type { Role } from '@textbank/contracts';

/**
 * Only staff who run campaigns see the controls to create and edit them; the
 * API enforces the same rule, this only spares others a button that would fail.
 */
export function canManageCampaigns(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}
