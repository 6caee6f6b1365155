import { createApp, loadConfig } from '@textbank/api';
import type { Server } from 'node:http';

/** The API as `createApp` builds it, listening on 127.0.0.1. */
export type EmbeddedApp = Awaited<ReturnType<typeof createApp>>;

export interface ApiInProcess {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** The Nest application, for a bench that reaches past HTTP (the push bench's CommandBus). */
  readonly app: EmbeddedApp;
  stop(): Promise<void>;
}

/**
 * The API inside the bench process, with its data in `dataDir` and only
 * errors logged: no child to spawn or to lose track of, and the bench can
 * reach the application itself when HTTP is beside the point.
 */
export async function startApiInProcess(dataDir: string): Promise<ApiInProcess> {
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }, { webDist: undefined }));
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = (app.getHttpServer() as Server).address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, app, stop: () => app.close() };
}
