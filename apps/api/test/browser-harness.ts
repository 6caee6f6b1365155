import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './api-process.js';
import { chromiumLaunchOptions } from './chromium.js';

/** Screenshots land here (apps/api/test-results/). */
export const OUTPUT = fileURLToPath(new URL('../test-results/', import.meta.url));

const DOC_IMAGES = fileURLToPath(new URL('../../../docs/images/', import.meta.url));

/** Screenshots go to test-results/; with SAVE_DOC_IMAGES=1 they are copied over the docs' images too (not on every test run). */
export async function snap(on: Page, name: string, fullPage = true): Promise<void> {
  await on.screenshot({ path: join(OUTPUT, name), fullPage });
  if (process.env['SAVE_DOC_IMAGES'] === '1') copyFileSync(join(OUTPUT, name), join(DOC_IMAGES, name));
}

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
