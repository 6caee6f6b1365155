import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled worker entry, or null when there is none. Worker threads run
 * plain JavaScript: from dist it is the sibling file; when this library runs
 * from its TypeScript source (tests under Vitest, with the @textbank/source
 * condition) it is the same file in dist, which exists once the library is
 * built (this library's int tests build it first). Without it, rows are
 * validated on the calling thread.
 */
export function validationWorkerScript(): URL | null {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? '../../dist/validation/validation-worker.js' : './validation-worker.js', import.meta.url);
  return existsSync(fileURLToPath(script)) ? script : null;
}
