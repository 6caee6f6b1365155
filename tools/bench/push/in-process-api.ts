import { ChangeCampaignDetailsCommand, commandBusOf, type CommandOutcome } from '@textbank/api';
import { newEventId } from '@textbank/event-store';
import { startApiInProcess } from '../shared/in-process-api.js';
import type { Rename } from './command-driver.js';

export interface InProcessApi {
  /** http://127.0.0.1:PORT: setup, campaigns and the sockets go through HTTP as usual. */
  readonly url: string;
  /** A ChangeCampaignDetails command on the API's CommandBus, as the PATCH handler sends it. */
  readonly rename: Rename;
  stop(): Promise<void>;
}

/**
 * The API inside the bench process. The push benchmark measures command ->
 * read model -> socket; driving 1,000 commands/s through HTTP would measure
 * Express on a 2-core machine instead (about 500 PATCH/s here, see the note).
 */
export async function startInProcessApi(dataDir: string): Promise<InProcessApi> {
  const api = await startApiInProcess(dataDir);
  const bus = commandBusOf(api.app);
  const actor = { id: 'push-bench', kind: 'system' as const, name: 'push benchmark' };
  return {
    url: api.url,
    async rename(campaignId, name, expectedRevision) {
      const commandId = newEventId();
      const outcome = await bus.execute<ChangeCampaignDetailsCommand, CommandOutcome>(
        new ChangeCampaignDetailsCommand(campaignId, { expectedRevision, name }, { commandId, correlationId: commandId, actor, now: new Date() }),
      );
      if (outcome.ok) return { position: outcome.position.toString() };
      return { refused: `${outcome.rejection.code}: ${outcome.rejection.message}`, revision: expectedRevision };
    },
    stop: () => api.stop(),
  };
}
