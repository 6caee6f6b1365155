import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { conversationDecider, conversationStream, deliveryAlarmDecider, deliveryAlarmStream } from '@textbank/domain';
import { consequenceOf } from '@textbank/sms';
import { systemEnvelope } from '../commands/command-envelope.js';
import { CommandExecutor } from '../commands/command-executor.js';
import { OptOutPhonesCommand } from '../contacts/opt-out-phones.command.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { INSTALLATION_ORGANIZATION_ID } from '../setup/the-organization.js';

/** The message a provider error code came back for. */
export interface FailedText {
  readonly contactId: string;
  readonly campaignId: string;
  readonly messageId: string;
  readonly phone: string;
  readonly errorCode: string;
}

/**
 * What the product does about a provider error code (the table is
 * libs/sms error-consequences.ts), the same whether the send was refused at
 * once or a delivery callback said so later: 21610 opts the number out,
 * unreachable codes mark the contact, 30007/30034 raise the campaign's alarm.
 * Every command's id derives from the message, so a repeated callback changes nothing.
 */
@Injectable()
export class CarrierErrorConsequences {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly executor: CommandExecutor,
    private readonly commandBus: CommandBus,
  ) {}

  async apply(text: FailedText): Promise<void> {
    const consequence = consequenceOf(text.errorCode);
    const now = this.clock().toISOString();
    const cause = `${text.messageId}:${text.errorCode}`;
    switch (consequence.kind) {
      case 'opt_out':
        await this.commandBus.execute(
          new OptOutPhonesCommand(INSTALLATION_ORGANIZATION_ID, [text.phone], 'carrier', systemEnvelope(`opt-out:carrier:${cause}`, this.clock()), 'The carrier reported an unsubscribed recipient'),
        );
        return;
      case 'unreachable':
        await this.executor.execute({
          stream: conversationStream(text.contactId),
          decider: conversationDecider,
          command: { type: 'MarkUnreachable', contactId: text.contactId, campaignId: text.campaignId, messageId: text.messageId, errorCode: text.errorCode, reason: consequence.reason, now },
          envelope: systemEnvelope(`unreachable:${cause}`, this.clock()),
        });
        return;
      case 'campaign_alarm':
        await this.executor.execute({
          stream: deliveryAlarmStream(text.campaignId),
          decider: deliveryAlarmDecider,
          command: { type: 'RaiseDeliveryAlarm', campaignId: text.campaignId, alarm: consequence.alarm, errorCode: text.errorCode, messageId: text.messageId, now },
          envelope: systemEnvelope(`alarm:${cause}`, this.clock()),
        });
        return;
      case 'back_pressure':
      case 'failure':
        return;
    }
  }
}
