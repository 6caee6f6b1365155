import type { InviteStatus, InviteView } from '@textbank/contracts';
import type { TableRules } from '../tables/table-view';
import { newestInviteFirst, shownStatus } from './invite-status';

/** Invites keep the order they have always had: newest first. Search looks at what a row says. */
export const INVITE_TABLE: TableRules<InviteView, 'created'> = {
  searchText: (invite) => [invite.label, invite.email, invite.kind, invite.role].filter(Boolean).join(' '),
  compare: { created: (a, b) => newestInviteFirst(b, a) },
  pageSize: 10,
};

export function withInviteStatus(invites: readonly InviteView[], status: InviteStatus | '', now: number): InviteView[] {
  return status === '' ? [...invites] : invites.filter((invite) => shownStatus(invite, now) === status);
}
