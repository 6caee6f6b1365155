import type { InviteView } from '@textbank/contracts';
import type { Confirmation } from '../people/person-confirmations';

/** Asked before a link stops working: says who used it and that revoking is final. */
export function revokeConfirmation(invite: InviteView, label: string): Confirmation {
  const used =
    invite.uses === 0
      ? 'Nobody has joined with it yet.'
      : `${invite.uses} ${invite.uses === 1 ? 'person' : 'people'} joined with it; they stay members.`;
  return {
    title: `Revoke the ${label.charAt(0).toLowerCase()}${label.slice(1)}?`,
    consequence: `${used} Nobody else can join with this link, and it cannot be reopened: you would make a new one.`,
    confirmLabel: 'Revoke link',
  };
}
