const startedAt = performance.now();

/** Progress and notes go to stderr: stdout carries only the result line. */
export function progress(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}
