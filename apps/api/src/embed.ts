import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '@textbank/event-store';
import { DashboardViews } from './dashboards/dashboard-views.service.js';
import { EVENT_STORE } from './infrastructure/tokens.js';

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

/** The log itself, for a bench that appends events as the texting traffic would (the dashboard bench). */
export function eventStoreOf(app: INestApplication): EventStore {
  return app.get(EVENT_STORE);
}

/** The dashboards' views as the socket pushes them, to check what clients were last sent. */
export function dashboardViewsOf(app: INestApplication): DashboardViews {
  return app.get(DashboardViews);
}
