import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { classifyInbound, conversationDecider, conversationStream, optOutDecider, optOutStream, unmatchedRepliesDecider, unmatchedRepliesStream } from '@textbank/domain';
import { conversationsByPhone, messageByProviderId, type ProjectionRunner } from '@textbank/projections';
import type { DeliveryUpdate, InboundMessage, SmsProvider } from '@textbank/sms';
import type Database from 'better-sqlite3';
import { CommandExecutor } from '../commands/command-executor.js';
import { CLOCK, EVENT_STORE, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import type { EventStore } from '@textbank/event-store';
import { INSTALLATION_ORGANIZATION_ID } from '../setup/the-organization.js';
import { CommandBus } from '@nestjs/cqrs';
import { systemEnvelope } from '../commands/command-envelope.js';
import { OptOutPhonesCommand } from '../contacts/opt-out-phones.command.js';
import { CarrierErrorConsequences } from './carrier-error-consequences.js';
import { MessageDispatcher } from './message-dispatcher.js';
import { SMS_PROVIDER } from './sms-provider.token.js';
import { setTimeout as delay } from 'node:timers/promises';

/** A delivery report for a send not in the read model is looked for again, this far apart, for this long in all. */
const UNKNOWN_DELIVERY_PAUSE_MS = 250;
const UNKNOWN_DELIVERY_WAIT_MS = 3_000;
const sleep = (ms: number) => delay(Math.max(0, ms), undefined, { ref: false });

/**
 * What the provider tells us: delivery updates become events on the
 * message's conversation; inbound texts land on the most recent conversation
 * with that number. STOP and its kin opt the number out of the whole
 * organization at once (no answer is sent: the provider's own confirmation is
 * the one allowed); START / UNSTOP opt it back in. Handling is idempotent by
 * the provider's message id, as providers retry.
 */
@Injectable()
export class InboundMessages implements OnModuleInit {
  private readonly logger = new Logger(InboundMessages.name);

  constructor(
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly executor: CommandExecutor,
    private readonly commandBus: CommandBus,
    private readonly consequences: CarrierErrorConsequences,
    private readonly dispatcher: MessageDispatcher,
  ) {}

  onModuleInit(): void {
    this.provider.connect({ delivery: (update) => this.delivery(update), inbound: async (message) => void (await this.inbound(message)) });
  }

  async delivery(update: DeliveryUpdate): Promise<void> {
    let message = messageByProviderId(this.readModels, update.providerMessageId);
    // A report can come back before the send is recorded: the dispatcher records outcomes in short batches
    // (here, or on the instance holding the dispatch). Wait for it, then for the read model to hold the log's head.
    // At most UNKNOWN_DELIVERY_WAIT_MS in all, well inside Twilio's 15 s for an answer.
    const deadline = Date.now() + UNKNOWN_DELIVERY_WAIT_MS;
    const left = () => deadline - Date.now();
    for (let look = 0; !message && left() > 0; look++) {
      if (look > 0) await sleep(Math.min(UNKNOWN_DELIVERY_PAUSE_MS, left()));
      await Promise.race([this.dispatcher.whenRecorded(update.providerMessageId), sleep(left())]);
      const head = await this.store.headPosition();
      if (head && left() > 0) await this.projections.waitFor(head.commit, left());
      message = messageByProviderId(this.readModels, update.providerMessageId);
    }
    if (!message) return this.logger.warn({ providerMessageId: update.providerMessageId, status: update.status }, 'delivery update for an unknown message; dropped');
    await this.executor.execute({
      stream: conversationStream(message.contactId),
      decider: conversationDecider,
      command: { type: 'RecordDelivery', contactId: message.contactId, campaignId: message.campaignId, messageId: message.messageId, status: update.status, ...(update.errorCode && { errorCode: update.errorCode }), now: update.at },
      envelope: systemEnvelope(`delivery:${update.providerMessageId}:${update.status}`, this.clock()),
    });
    if (update.errorCode) {
      const phone = this.readModels.prepare('SELECT phone FROM conversations WHERE contact_id = ?').pluck().get(message.contactId) as string | undefined;
      if (phone) await this.consequences.apply({ ...message, phone, errorCode: update.errorCode });
    }
  }

  async inbound(message: InboundMessage): Promise<{ contactId: string | null }> {
    const verdict = classifyInbound(message.body);
    const [conversation] = conversationsByPhone(this.readModels, message.from);
    const now = this.clock().toISOString();
    if (verdict.kind === 'opt_out') await this.optOutPhone(message.from, `inbound:${message.providerMessageId}`);
    if (verdict.kind === 'opt_in') await this.optInPhone(message.from, `inbound:${message.providerMessageId}`, now);
    if (!conversation) {
      // Never dropped: it waits in the organization's queue for staff.
      await this.executor.execute({
        stream: unmatchedRepliesStream(INSTALLATION_ORGANIZATION_ID),
        decider: unmatchedRepliesDecider,
        command: { type: 'ReceiveUnmatchedReply', organizationId: INSTALLATION_ORGANIZATION_ID, providerMessageId: message.providerMessageId, from: message.from, to: message.to, body: message.body, kind: verdict.kind, now: message.receivedAt },
        envelope: systemEnvelope(`inbound:${message.providerMessageId}`, this.clock()),
      });
      return { contactId: null };
    }
    const outcome = await this.executor.execute({
      stream: conversationStream(conversation.contactId),
      decider: conversationDecider,
      command: {
        type: 'ReceiveReply',
        contactId: conversation.contactId,
        campaignId: conversation.campaignId,
        providerMessageId: message.providerMessageId,
        from: message.from,
        to: message.to,
        body: message.body,
        kind: verdict.kind,
        ...(verdict.kind === 'possible_opt_out' && { phrase: verdict.phrase }),
        now: message.receivedAt,
      },
      envelope: systemEnvelope(`inbound:${message.providerMessageId}`, this.clock()),
    });
    if (!outcome.ok) this.logger.error({ providerMessageId: message.providerMessageId, rejection: outcome.rejection }, 'an inbound text was refused');
    return { contactId: conversation.contactId };
  }

  private async optOutPhone(phone: string, cause: string): Promise<void> {
    await this.commandBus.execute(new OptOutPhonesCommand(INSTALLATION_ORGANIZATION_ID, [phone], 'reply', systemEnvelope(`opt-out:${cause}`, this.clock())));
  }

  private optInPhone(phone: string, cause: string, now: string) {
    return this.executor.execute({
      stream: optOutStream(INSTALLATION_ORGANIZATION_ID),
      decider: optOutDecider,
      command: { type: 'OptInPhone', organizationId: INSTALLATION_ORGANIZATION_ID, phone, source: 'reply', now },
      envelope: systemEnvelope(`opt-in:${cause}`, this.clock()),
    });
  }
}
