import type { TextingHours } from '../campaign/campaign-events.js';
import type { CampaignStanding } from '../script/script-text-rules.js';
import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import { isTextingWindowOpen, localMinutes } from '../texting-hours/texting-window.js';
import type { ContactsReassigned, ContactsUnassigned, TextingEvent } from './texting-events.js';

/** How many contacts one request may hand out, and how many a texter may hold untexted at once. */
export const DEFAULT_BATCH_SIZE = 200;
/** A texter with this many replies waiting gets no new contacts until they answer some. */
export const DEFAULT_MAX_WAITING_REPLIES = 50;
/** Most contacts one admin action touches (one event, one append). */
export const MAX_CONTACTS_PER_ACTION = 10_000;

export interface TextingLimits {
  readonly batchSize: number;
  readonly maxWaitingReplies: number;
}

/** "Give me N more": candidates are unowned contacts in hand-out order from the read model, a few more than asked (it may lag); the decider skips any taken meanwhile. */
export interface RequestContacts {
  readonly type: 'RequestContacts';
  readonly campaignId: string;
  readonly texterId: string;
  readonly count: number;
  readonly candidates: readonly string[];
  readonly campaignStatus: CampaignStanding;
  /** Replies waiting for this texter (read model): a soft cap, the untexted cap below is exact. */
  readonly waitingReplies: number;
  readonly limits: TextingLimits;
  readonly now: string;
}

/** An admin hands `count` contacts from the pool to a texter. */
export interface AssignContacts {
  readonly type: 'AssignContacts';
  readonly campaignId: string;
  readonly texterId: string;
  readonly count: number;
  readonly candidates: readonly string[];
  readonly now: string;
}

export interface UnassignContacts {
  readonly type: 'UnassignContacts';
  readonly campaignId: string;
  readonly contactIds: readonly string[];
  /** Only the ones this texter holds now (the admin picked them from that texter's list, which may lag). */
  readonly fromTexterId?: string;
  readonly now: string;
}

/** Return a texter's contacts that have had no text yet to the pool. */
export interface ReleaseUntexted {
  readonly type: 'ReleaseUntexted';
  readonly campaignId: string;
  readonly texterId: string;
  readonly now: string;
}

export interface ReassignContacts {
  readonly type: 'ReassignContacts';
  readonly campaignId: string;
  readonly contactIds: readonly string[];
  readonly toTexterId: string;
  /** Only the ones this texter holds now (see UnassignContacts). */
  readonly fromTexterId?: string;
  readonly now: string;
}

/** One press of Send for a contact's first text. Body, script version and variant were rendered by the caller; facts arrive in the command. */
export interface SendInitialMessage {
  readonly type: 'SendInitialMessage';
  readonly campaignId: string;
  readonly contactId: string;
  readonly texterId: string;
  readonly messageId: string;
  readonly gestureId: string;
  readonly to: string;
  readonly body: string;
  readonly scriptVersion: number;
  readonly variantId: string;
  readonly segments: number;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly timeZone: string | null;
  readonly hours: TextingHours;
  readonly campaignStatus: CampaignStanding;
  readonly optedOut: boolean;
  readonly now: string;
}

export type TextingCommand = RequestContacts | AssignContacts | UnassignContacts | ReleaseUntexted | ReassignContacts | SendInitialMessage;

/**
 * Who owns which contact, who still has to text whom, and who was texted.
 * A campaign can hold a million contacts, so the state is mutable Maps and
 * Sets that `evolve` updates in place (copying them per event would cost
 * seconds). That is safe because the only holder of a live state is the
 * command executor's cache, which loads and evolves one stream at a time
 * (its per-stream lock); `decide` never mutates.
 */
export interface TextingState {
  readonly owners: Map<string, string>;
  readonly untexted: Map<string, Set<string>>;
  readonly texted: Set<string>;
}

const pick = (state: TextingState, candidates: readonly string[], count: number) => {
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const id of candidates) {
    if (chosen.length >= count) break;
    if (seen.has(id) || state.owners.has(id) || state.texted.has(id)) continue;
    seen.add(id);
    chosen.push(id);
  }
  return chosen;
};

const untextedCount = (state: TextingState, texterId: string) => state.untexted.get(texterId)?.size ?? 0;

function checkCount(count: number, max: number): Decision<never> | undefined {
  if (!Number.isInteger(count) || count < 1 || count > max) return reject('invalid', `count must be a whole number from 1 to ${max}`, 'count');
  return undefined;
}

/** Group owned contacts by their owner (only `from`'s when given): one event per previous owner. */
function byOwner(state: TextingState, contactIds: readonly string[], from?: string) {
  const groups = new Map<string, string[]>();
  for (const id of new Set(contactIds)) {
    const owner = state.owners.get(id);
    if (owner === undefined || (from !== undefined && owner !== from)) continue;
    groups.set(owner, [...(groups.get(owner) ?? []), id]);
  }
  return groups;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function decideSend(command: SendInitialMessage, state: TextingState): Decision<TextingEvent> {
  const { campaignId, contactId, texterId } = command;
  if (command.campaignStatus !== 'active') return reject('conflict', `The campaign is ${command.campaignStatus}: nothing can be sent until it is active`);
  const owner = state.owners.get(contactId);
  if (owner !== texterId) return reject('forbidden', owner === undefined ? 'This contact is not assigned to you' : 'This contact is assigned to someone else');
  if (state.texted.has(contactId)) return reject('conflict', 'This contact already had their first text');
  if (command.optedOut) return reject('conflict', 'This number opted out: it must not be texted');
  const now = new Date(command.now);
  if (!isTextingWindowOpen(command.timeZone, command.hours, now)) {
    const where = command.timeZone === null ? 'in every continental US time zone (the contact has no ZIP)' : `in ${command.timeZone}`;
    return reject('conflict', `Outside texting hours: ${command.hours.start}-${command.hours.end} is not open ${where} right now`);
  }
  if (command.body.trim() === '') return reject('invalid', 'The message is empty', 'body');
  return accept({
    type: 'InitialMessageSent',
    data: {
      campaignId,
      contactId,
      texterId,
      messageId: command.messageId,
      gestureId: command.gestureId,
      gestureAt: command.now,
      to: command.to,
      body: command.body,
      scriptVersion: command.scriptVersion,
      variantId: command.variantId,
      segments: command.segments,
      encoding: command.encoding,
      hoursDecision: { timeZone: command.timeZone, localTime: hhmm(localMinutes(command.timeZone ?? 'America/New_York', now)), hours: command.hours },
    },
  });
}

export const textingDecider: Decider<TextingCommand, TextingEvent, TextingState> = {
  initialState: () => ({ owners: new Map(), untexted: new Map(), texted: new Set() }),

  decide(command, state) {
    switch (command.type) {
      case 'RequestContacts': {
        const limits = command.limits;
        const invalid = checkCount(command.count, limits.batchSize);
        if (invalid) return invalid;
        if (command.campaignStatus !== 'active') return reject('conflict', `The campaign is ${command.campaignStatus}: no contacts are handed out until it is active`);
        if (command.waitingReplies >= limits.maxWaitingReplies) {
          return reject('conflict', `You have ${command.waitingReplies} replies waiting: answer some before taking more contacts`);
        }
        const held = untextedCount(state, command.texterId);
        const room = limits.batchSize - held;
        if (room <= 0) return reject('conflict', `You still have ${held} contacts to text: send to them before taking more`);
        const chosen = pick(state, command.candidates, Math.min(command.count, room));
        if (chosen.length === 0) return reject('gone', 'Every contact in this campaign has been handed out');
        return accept({ type: 'ContactsAssigned', data: { campaignId: command.campaignId, texterId: command.texterId, contactIds: chosen, reason: 'requested', assignedAt: command.now } });
      }
      case 'AssignContacts': {
        const invalid = checkCount(command.count, MAX_CONTACTS_PER_ACTION);
        if (invalid) return invalid;
        const chosen = pick(state, command.candidates, command.count);
        if (chosen.length === 0) return reject('gone', 'No contacts are left in the pool');
        return accept({ type: 'ContactsAssigned', data: { campaignId: command.campaignId, texterId: command.texterId, contactIds: chosen, reason: 'assigned', assignedAt: command.now } });
      }
      case 'UnassignContacts': {
        if (command.contactIds.length > MAX_CONTACTS_PER_ACTION) return reject('invalid', `At most ${MAX_CONTACTS_PER_ACTION} contacts at a time`, 'contactIds');
        const events: ContactsUnassigned[] = [...byOwner(state, command.contactIds, command.fromTexterId)].map(([texterId, contactIds]) => ({
          type: 'ContactsUnassigned',
          data: { campaignId: command.campaignId, texterId, contactIds, reason: 'unassigned', unassignedAt: command.now },
        }));
        return accept(...events);
      }
      case 'ReleaseUntexted': {
        const held = [...(state.untexted.get(command.texterId) ?? [])];
        if (held.length === 0) return accept();
        return accept({ type: 'ContactsUnassigned', data: { campaignId: command.campaignId, texterId: command.texterId, contactIds: held, reason: 'released', unassignedAt: command.now } });
      }
      case 'ReassignContacts': {
        if (command.contactIds.length > MAX_CONTACTS_PER_ACTION) return reject('invalid', `At most ${MAX_CONTACTS_PER_ACTION} contacts at a time`, 'contactIds');
        const events: ContactsReassigned[] = [...byOwner(state, command.contactIds, command.fromTexterId)]
          .filter(([from]) => from !== command.toTexterId)
          .map(([fromTexterId, contactIds]) => ({
            type: 'ContactsReassigned',
            data: { campaignId: command.campaignId, fromTexterId, toTexterId: command.toTexterId, contactIds, reassignedAt: command.now },
          }));
        return accept(...events);
      }
      case 'SendInitialMessage':
        return decideSend(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const hold = (texterId: string, ids: readonly string[]) => {
      let set = state.untexted.get(texterId);
      if (!set) state.untexted.set(texterId, (set = new Set()));
      for (const id of ids) if (!state.texted.has(id)) set.add(id);
    };
    const drop = (texterId: string, ids: readonly string[]) => {
      const set = state.untexted.get(texterId);
      if (!set) return;
      for (const id of ids) set.delete(id);
      if (set.size === 0) state.untexted.delete(texterId);
    };
    switch (event.type) {
      case 'ContactsAssigned':
        for (const id of event.data.contactIds) state.owners.set(id, event.data.texterId);
        hold(event.data.texterId, event.data.contactIds);
        return state;
      case 'ContactsUnassigned':
        for (const id of event.data.contactIds) state.owners.delete(id);
        drop(event.data.texterId, event.data.contactIds);
        return state;
      case 'ContactsReassigned':
        for (const id of event.data.contactIds) state.owners.set(id, event.data.toTexterId);
        drop(event.data.fromTexterId, event.data.contactIds);
        hold(event.data.toTexterId, event.data.contactIds);
        return state;
      case 'InitialMessageSent':
        state.texted.add(event.data.contactId);
        drop(event.data.texterId, [event.data.contactId]);
        return state;
      default:
        return assertNever(event);
    }
  },
};
