import { Module } from '@nestjs/common';
import { SandboxProvider } from '@textbank/sms';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { AuthModule } from '../auth/auth.module.js';
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
import { TextingService } from './texting.service.js';

@Module({
  imports: [CommandsModule, AuthModule],
  controllers: [TextingController, ConversationActionsController, SandboxPhoneController],
  providers: [
    { provide: SMS_PROVIDER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.smsProvider ?? new SandboxProvider(config.sandbox) },
    { provide: DISPATCH_LEASE, inject: [APP_CONFIG, EVENT_STORE], useFactory: dispatchLease },
    TextingService,
    ConversationActions,
    MessageDispatcher,
    InboundMessages,
    TextingGateway,
  ],
  exports: [TextingService, SMS_PROVIDER, InboundMessages],
})
export class TextingModule {}
