import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startApi, type ApiProcess } from './api-process.js';
import { chromiumLaunchOptions } from './chromium.js';

/** Screenshots land here (apps/api/test-results/). */
export const OUTPUT = fileURLToPath(new URL('../test-results/', import.meta.url));

export interface BrowserHarness {
  readonly api: ApiProcess;
  readonly browser: Browser;
  stop(): Promise<void>;
}

/** The built API on its own data, and Debian's Chromium: what a browser test needs. */
export async function startBrowserHarness(name: string): Promise<BrowserHarness> {
  mkdirSync(OUTPUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `textbank-${name}-`));
  const api = await startApi(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  return {
    api,
    browser,
    async stop() {
      await browser.close();
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
