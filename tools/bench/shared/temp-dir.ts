import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onAbruptExit } from './on-abrupt-exit.js';

/** Runs `use` with a fresh directory under the OS temp dir and removes it afterwards, whatever happens. */
export async function withTempDir<T>(label: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `textbank-bench-${label}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const cancel = onAbruptExit(remove);
  try {
    return await use(dir);
  } finally {
    cancel();
    remove();
  }
}
