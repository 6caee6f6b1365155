import { describe, expect, it } from 'vitest';
import { viewTable } from '../tables/table-view';
import { anInvite } from './invite-test-data';
import { INVITE_TABLE, withInviteStatus } from './invite-table';

const now = Date.parse('2025-06-01T00:00:00Z');
const invites = Array.from({ length: 32 }, (_, i) =>
  anInvite({ id: `i${i}`, createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(), status: i % 4 === 0 ? 'revoked' : 'open' }),
);

describe('invite table', () => {
  it('pages invites ten at a time, newest first', () => {
    const view = viewTable(invites, { search: '', sort: 'created', direction: 'descending', page: 1 }, INVITE_TABLE);
    expect(view.pages).toBe(4);
    expect(view.rows[0]?.id).toBe('i31');
  });

  it('filters by the status shown, expiry seen against now', () => {
    expect(withInviteStatus(invites, 'revoked', now)).toHaveLength(8);
    expect(withInviteStatus([anInvite({ expiresAt: '2025-05-01T00:00:00Z' })], 'expired', now)).toHaveLength(1);
    expect(withInviteStatus(invites, '', now)).toHaveLength(32);
  });
});
