import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { OptOutEvent, OptOutSource } from './opt-out-events.js';

export interface OptOutPhones {
  readonly type: 'OptOutPhones';
  readonly organizationId: string;
  /** E.164, normalised by the caller. */
  readonly phones: readonly string[];
  readonly source: OptOutSource;
  readonly note?: string;
  readonly now: string;
}

/** The contact texted START / UNSTOP (or staff re-opted them in): texts may go to the number again. */
export interface OptInPhone {
  readonly type: 'OptInPhone';
  readonly organizationId: string;
  readonly phone: string;
  readonly source: OptOutSource;
  readonly now: string;
}

export type OptOutCommand = OptOutPhones | OptInPhone;

/**
 * Opting out is always allowed and repeating it changes nothing, so the
 * decider keeps no list (the organization's list can hold millions): the read
 * model and the send-time check hold the set.
 */
export type OptOutState = Record<string, never>;

export const MAX_PHONES_PER_OPT_OUT = 2_000;
const E164 = /^\+[1-9]\d{6,14}$/;

export const optOutDecider: Decider<OptOutCommand, OptOutEvent, OptOutState> = {
  initialState: () => ({}),

  decide(command) {
    switch (command.type) {
      case 'OptOutPhones': {
        if (command.phones.length === 0 || command.phones.length > MAX_PHONES_PER_OPT_OUT) {
          return reject('invalid', `1 to ${MAX_PHONES_PER_OPT_OUT} numbers at a time`, 'phones');
        }
        const bad = command.phones.find((p) => !E164.test(p));
        if (bad !== undefined) return reject('invalid', `${bad} is not an E.164 number`, 'phones');
        const { organizationId, phones, source, note, now } = command;
        return accept({ type: 'PhonesOptedOut', data: { organizationId, phones: [...new Set(phones)], source, ...(note && { note }), optedOutAt: now } });
      }
      case 'OptInPhone': {
        if (!E164.test(command.phone)) return reject('invalid', `${command.phone} is not an E.164 number`, 'phone');
        return accept({ type: 'PhoneOptedIn', data: { organizationId: command.organizationId, phone: command.phone, source: command.source, optedInAt: command.now } });
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PhonesOptedOut':
      case 'PhoneOptedIn':
        return state;
      default:
        return assertNever(event);
    }
  },
};
