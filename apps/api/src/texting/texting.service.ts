import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { NextContact } from '@textbank/contracts';
import {
  campaignDecider,
  campaignStream,
  conversationDecider,
  conversationStream,
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_WAITING_REPLIES,
  isTextingWindowOpen,
  textingDecider,
  textingStream,
  type CampaignStanding,
  type TextingCommand,
  type TextingHours,
  type TextingState,
  MAX_CONTACTS_PER_ACTION,
  type TextingLimits,
} from '@textbank/domain';
import { eventIdFor, type EventStore } from '@textbank/event-store';
import { measureText, mergeValues, renderScript } from '@textbank/message-text';
import {
  contactsByTimeZone,
  countByStatus,
  findContact,
  findCampaign,
  findConversation,
  findScript,
  optedOutAmong,
  poolCandidates,
  type ContactRecord,
  type ProjectionRunner,
} from '@textbank/projections';
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { STAFF } from '../auth/access.decorator.js';
import type { Principal } from '../auth/principal.js';
import type { CommandEnvelope } from '../commands/command-envelope.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';

export const TEXTING_LIMITS: TextingLimits = { batchSize: DEFAULT_BATCH_SIZE, maxWaitingReplies: DEFAULT_MAX_WAITING_REPLIES };

interface Rendered {
  readonly body: string;
  readonly segments: number;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly variantId: string;
  readonly scriptVersion: number;
}

/**
 * The texter's side: asking for contacts, the next contact with its message,
 * sending it, answering replies; and the admin's moves. Every rule is the
 * texting or conversation decider's; this gathers the facts they need (the
 * campaign's status from its stream, the opt-out list, the script) and hands
 * out candidates from the read model, which the decider checks against the
 * consistent texting stream.
 */
@Injectable()
export class TextingService {
  /** Per campaign and zone, the last contact id offered: the pool is read onwards from there, not from the start. */
  private readonly cursors = new Map<string, string>();

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
  ) {}

  /** The contacts an accepted hand-out gave (the event at its revision; a retried request finds the same one). */
  async assignedAt(campaignId: string, revision: bigint): Promise<string[]> {
    const [event] = await this.store.readStream(textingStream(campaignId), { fromRevision: revision, maxCount: 1 });
    return event?.type === 'ContactsAssigned' ? (event.data as { contactIds: string[] }).contactIds : [];
  }

  async campaignStatus(campaignId: string): Promise<CampaignStanding> {
    return (await this.campaignFacts(campaignId)).status;
  }

  /** Status and texting hours from the campaign's stream (not a read model): what a send is decided on. */
  async campaignFacts(campaignId: string): Promise<{ status: CampaignStanding; hours: TextingHours | undefined }> {
    const state = await this.executor.current(campaignStream(campaignId), campaignDecider);
    return { status: state.status, hours: state.status === 'none' ? undefined : state.textingHours };
  }

  texting(campaignId: string, command: TextingCommand, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return this.executor.execute({ stream: textingStream(campaignId), decider: textingDecider, command, envelope });
  }

  async requestContacts(principal: Principal, campaignId: string, count: number, envelope: CommandEnvelope): Promise<CommandOutcome> {
    const campaignStatus = await this.campaignStatus(campaignId);
    const waitingReplies = countByStatus(this.readModels, campaignId, principal.person.id, 'needs_reply');
    const texterId = principal.person.id;
    const now = envelope.now.toISOString();
    return this.executor.execute({
      stream: textingStream(campaignId),
      decider: textingDecider,
      asked: { type: 'RequestContacts', campaignId, texterId, count } as { type: string },
      // Built under the stream's lock from its state: concurrent requests take disjoint candidates.
      command: (state: TextingState): TextingCommand => {
        const room = Math.max(0, Math.min(count, TEXTING_LIMITS.batchSize - (state.untexted.get(texterId)?.size ?? 0)));
        const candidates = room > 0 && Number.isInteger(count) ? this.candidates(campaignId, room, envelope.now, state) : [];
        return { type: 'RequestContacts', campaignId, texterId, count, candidates, campaignStatus, waitingReplies, limits: TEXTING_LIMITS, now };
      },
      envelope,
    });
  }

  async assign(campaignId: string, texterId: string, count: number, envelope: CommandEnvelope): Promise<CommandOutcome> {
    const now = envelope.now.toISOString();
    return this.executor.execute({
      stream: textingStream(campaignId),
      decider: textingDecider,
      asked: { type: 'AssignContacts', campaignId, texterId, count } as { type: string },
      command: (state: TextingState): TextingCommand => ({ type: 'AssignContacts', campaignId, texterId, count, candidates: this.candidates(campaignId, Math.min(count, MAX_CONTACTS_PER_ACTION), envelope.now, state), now }),
      envelope,
    });
  }

  /**
   * Unowned contacts in hand-out order: zones whose texting hours are open now
   * first (so a texter can send at once), each zone by contact id, read on
   * from a cursor that moves as they are offered. Called under the texting
   * stream's lock with its state, so contacts owned or texted meanwhile (the
   * read model may lag) are skipped and two requests never get the same ones.
   * Contacts given back sit behind the cursors: when the cursors find too
   * few, the pool is read again from the start.
   */
  candidates(campaignId: string, wanted: number, now: Date, state: TextingState): string[] {
    const campaign = findCampaign(this.readModels, campaignId);
    if (!campaign || wanted <= 0) return [];
    const zones = this.zonesOf(campaignId);
    const open = zones.filter((zone) => isTextingWindowOpen(zone, campaign.textingHours, now));
    const ordered = [...open, ...zones.filter((zone) => !open.includes(zone))];
    const found: string[] = [];
    const taken = new Set<string>();
    const free = (id: string) => !state.owners.has(id) && !state.texted.has(id) && !taken.has(id);
    const scan = (zone: string | null, from: string) => {
      let cursor = from;
      while (found.length < wanted) {
        const page = poolCandidates(this.readModels, campaignId, zone, cursor, Math.max(wanted - found.length, 100));
        if (page.length === 0) break;
        for (const id of page) {
          cursor = id;
          if (!free(id)) continue;
          taken.add(id);
          found.push(id);
          if (found.length >= wanted) break;
        }
      }
      return cursor;
    };
    for (const zone of ordered) {
      if (found.length >= wanted) break;
      const key = `${campaignId}\n${zone}`;
      this.cursors.set(key, scan(zone, this.cursors.get(key) ?? ''));
    }
    for (const zone of ordered) {
      if (found.length >= wanted) break;
      scan(zone, '');
    }
    return found;
  }

  /** The campaign's time zones (null: no ZIP), read again at most every 30 s: uploads add zones rarely. */
  private readonly zonesCache = new Map<string, { zones: (string | null)[]; at: number }>();

  private zonesOf(campaignId: string): (string | null)[] {
    const cached = this.zonesCache.get(campaignId);
    if (cached && Date.now() - cached.at < 30_000) return cached.zones;
    // By name (no ZIP first), so the hand-out order does not move with the counts.
    const zones = contactsByTimeZone(this.readModels, campaignId)
      .map((z) => z.timeZone)
      .sort((a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
    this.zonesCache.set(campaignId, { zones, at: Date.now() });
    return zones;
  }

  /** The script as the read models have it: read again whenever they have moved on (each send and next render one). */
  private readonly scripts = new Map<string, { checkpoint: bigint; script: ReturnType<typeof findScript> }>();

  private scriptOf(campaignId: string): ReturnType<typeof findScript> {
    const checkpoint = this.projections.checkpoint();
    const cached = this.scripts.get(campaignId);
    if (cached?.checkpoint === checkpoint) return cached.script;
    const script = findScript(this.readModels, campaignId);
    this.scripts.set(campaignId, { checkpoint, script });
    return script;
  }

  /** The first text for a contact as this texter would send it now: the script's current version, the contact's variant. */
  render(campaignId: string, contact: ContactRecord, principal: Principal): Rendered | undefined {
    const script = this.scriptOf(campaignId);
    if (script.variants.length === 0) return undefined;
    // Variants evenly: the contact id picks one (stable, so a retry renders the same text).
    const index = createHash('sha1').update(contact.id).digest().readUInt32BE(0) % script.variants.length;
    const variant = script.variants[index]!;
    const texterFirstName = principal.person.name.trim().split(/\s+/)[0] ?? '';
    const { text } = renderScript(variant.body, mergeValues({ firstName: contact.firstName, lastName: contact.lastName, customFields: contact.fields }, { firstName: texterFirstName }));
    const measure = measureText(text);
    return { body: text, segments: measure.segments, encoding: measure.encoding, variantId: variant.variantId, scriptVersion: script.version };
  }

  /**
   * The next contact to text, with the message rendered for them (GET
   * texting/next, and the answer to a Send over the socket, so the texter
   * needs no second request): from the texting stream's state, in hand-out order, the
   * first not opted out whose hours are open (else the first not opted out),
   * looking at most 50 ahead. The state may hold appends still
   * committing: it is a suggestion, the next Send is decided again.
   */
  async nextFromStream(principal: Principal, campaignId: string, now: Date, knownHours?: TextingHours): Promise<NextContact | null> {
    const state = await this.executor.glance(textingStream(campaignId), textingDecider);
    const held = state.untexted.get(principal.person.id);
    if (!held || held.size === 0) return null;
    const hours = knownHours ?? (await this.campaignFacts(campaignId)).hours;
    if (!hours) return null;
    let fallback: ContactRecord | undefined;
    let looked = 0;
    for (const contactId of held) {
      if (++looked > 50) break;
      const contact = findContact(this.readModels, contactId);
      if (!contact || optedOutAmong(this.readModels, principal.organization.id, [contact.phone]).size > 0) continue;
      if (isTextingWindowOpen(contact.timeZone, hours, now)) return this.shown(campaignId, contact, principal, true, held.size);
      fallback ??= contact;
    }
    return fallback ? this.shown(campaignId, fallback, principal, false, held.size) : null;
  }

  private shown(campaignId: string, contact: ContactRecord, principal: Principal, windowOpen: boolean, remaining: number): NextContact | null {
    const rendered = this.render(campaignId, contact, principal);
    if (!rendered) return null;
    return { contactId: contact.id, firstName: contact.firstName, lastName: contact.lastName, phone: contact.phone, timeZone: contact.timeZone, ...rendered, windowOpen, remaining };
  }

  /** One Send: the gesture id is the envelope's command id (from the Idempotency-Key), so a retried press is the same command. */
  async sendInitial(principal: Principal, campaignId: string, contactId: string, envelope: CommandEnvelope): Promise<CommandOutcome & { messageId?: string; hours?: TextingHours }> {
    const campaign = findCampaign(this.readModels, campaignId);
    if (!campaign) throw new NotFoundException(`No campaign ${campaignId}`);
    const contact = findContact(this.readModels, contactId);
    if (!contact || contact.campaignId !== campaignId) return { ok: false, rejection: { code: 'not_found', message: `No contact ${contactId} in this campaign`, field: 'contactId' } };
    const rendered = this.render(campaignId, contact, principal);
    if (!rendered) return { ok: false, rejection: { code: 'conflict', message: 'The campaign has no script yet' } };
    const facts = await this.campaignFacts(campaignId);
    const optedOut = optedOutAmong(this.readModels, principal.organization.id, [contact.phone]).size > 0;
    const messageId = eventIdFor(envelope.commandId, 7);
    const outcome = await this.texting(
      campaignId,
      {
        type: 'SendInitialMessage',
        campaignId,
        contactId,
        texterId: principal.person.id,
        messageId,
        gestureId: envelope.commandId,
        to: contact.phone,
        ...rendered,
        timeZone: contact.timeZone,
        hours: facts.hours ?? campaign.textingHours,
        campaignStatus: facts.status,
        optedOut,
        now: envelope.now.toISOString(),
      },
      envelope,
    );
    // The hours it was decided on, for the next contact shown with the answer (no second read of the campaign).
    return outcome.ok ? { ...outcome, messageId, hours: facts.hours ?? campaign.textingHours } : outcome;
  }

  /**
   * `optOutConfirmation`: the one text telling a contact just opted out by
   * hand that nothing more comes; staff may send it from message review too.
   */
  async reply(
    principal: Principal,
    contactId: string,
    body: string,
    { cannedResponseId, optOutConfirmation }: { cannedResponseId?: string; optOutConfirmation?: boolean },
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome & { messageId?: string }> {
    const conversation = findConversation(this.readModels, contactId);
    if (!conversation) return { ok: false, rejection: { code: 'not_found', message: `No conversation with ${contactId}` } };
    const owners = await this.executor.current(textingStream(conversation.campaignId), textingDecider);
    const mayConfirm = optOutConfirmation === true && STAFF.includes(principal.person.role);
    const campaignStatus = await this.campaignStatus(conversation.campaignId);
    const optedOut = optedOutAmong(this.readModels, principal.organization.id, [conversation.phone]).size > 0;
    const measure = measureText(body.trim());
    const messageId = eventIdFor(envelope.commandId, 7);
    const outcome = await this.executor.execute({
      stream: conversationStream(contactId),
      decider: conversationDecider,
      command: {
        type: 'SendReply',
        contactId,
        campaignId: conversation.campaignId,
        texterId: principal.person.id,
        isOwner: owners.owners.get(contactId) === principal.person.id || mayConfirm,
        optedOut,
        campaignStatus,
        messageId,
        to: conversation.phone,
        body,
        segments: measure.segments,
        encoding: measure.encoding,
        ...(cannedResponseId && { cannedResponseId }),
        ...(optOutConfirmation && { optOutConfirmation }),
        now: envelope.now.toISOString(),
      },
      envelope,
    });
    return outcome.ok ? { ...outcome, messageId } : outcome;
  }

}
