import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

/**
 * The API as a library, for tools that run it inside their own process (the
 * push benchmark drives commands on the CommandBus without HTTP in between).
 * `node dist/main.js` is the server.
 */
export { createApp } from './create-app.js';
export { loadConfig, type AppConfig } from './config/app-config.js';
export { ChangeCampaignDetailsCommand } from './campaigns/change-campaign-details/change-campaign-details.command.js';
export type { CommandEnvelope } from './commands/command-envelope.js';
export type { CommandOutcome } from './commands/command-outcome.js';
export { writeAcceptedTexts, type AcceptedText } from './testing/accepted-messages.js';

export function commandBusOf(app: INestApplication): CommandBus {
  return app.get(CommandBus);
}
