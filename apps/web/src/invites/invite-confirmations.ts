import type { InviteView } from '@textbank/contracts';
import type { Confirmation } from '../people/person-confirmations';

/** Who joined with a link so far, in a sentence; they stay members whatever happens to the link. */
function joinedSoFar(invite: InviteView): string {
  return invite.uses === 0 ? 'Nobody has joined with it yet.' : `${invite.uses} ${invite.uses === 1 ? 'person' : 'people'} joined with it; they stay members.`;
}

/** Asked before a link stops working: says who used it and that revoking is final. */
export function revokeConfirmation(invite: InviteView, phrase: string): Confirmation {
  return {
    title: `Revoke ${phrase}?`,
    consequence: `${joinedSoFar(invite)} Nobody else can join with this link, and it cannot be reopened: you would make a new one.`,
    confirmLabel: 'Revoke link',
  };
}

/** Asked before a link is renewed: the old one dies at once, wherever it was shared or printed. */
export function renewConfirmation(invite: InviteView, phrase: string): Confirmation {
  return {
    title: `Make a new link for ${phrase}?`,
    consequence: `The current link stops working at once: anyone who opens it, wherever it was shared or printed, is told it is not valid. ${joinedSoFar(invite)} The new link keeps the same expiry and use count; share it instead.`,
    confirmLabel: 'Make new link',
  };
}
