import { Module } from '@nestjs/common';
import { SandboxProvider, TwilioProvider } from '@textbank/sms';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthModule } from '../auth/auth.module.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { CommandsModule } from '../commands/commands.module.js';
import { ConversationActionsController } from './conversation-actions.controller.js';
import { ConversationActions } from './conversation-actions.service.js';
import { DISPATCH_LEASE, dispatchLease } from './dispatch-lease.js';
import { InboundMessages } from './inbound-messages.js';
import { MessageDispatcher } from './message-dispatcher.js';
import { SandboxPhoneController } from './sandbox-phone.controller.js';
import { SMS_PROVIDER } from './sms-provider.token.js';
import { TextingController } from './texting.controller.js';
import { TextingGateway } from './texting.gateway.js';
import { TwilioWebhooksController } from './twilio-webhooks.controller.js';
import { DispatchController } from './dispatch.controller.js';
import { CarrierErrorConsequences } from './carrier-error-consequences.js';
import { TextingService } from './texting.service.js';

@Module({
  imports: [CommandsModule, AuthModule],
  controllers: [TextingController, ConversationActionsController, SandboxPhoneController, TwilioWebhooksController, DispatchController],
  providers: [
    {
      provide: SMS_PROVIDER,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (config: AppConfig, clock: Clock) => config.smsProvider ?? (config.twilio ? new TwilioProvider(config.twilio, clock) : new SandboxProvider(config.sandbox)),
    },
    { provide: DISPATCH_LEASE, inject: [APP_CONFIG, EVENT_STORE], useFactory: dispatchLease },
    TextingService,
    ConversationActions,
    CarrierErrorConsequences,
    MessageDispatcher,
    InboundMessages,
    TextingGateway,
  ],
  exports: [TextingService, SMS_PROVIDER, InboundMessages],
})
export class TextingModule {}
