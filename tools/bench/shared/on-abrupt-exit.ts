/**
 * Runs `cleanup` (synchronously) if the process exits before the normal clean-up
 * did it: on process.exit, or on a signal that main.ts turns into an exit.
 * Returns the function that cancels it once the normal path has cleaned up.
 */
export function onAbruptExit(cleanup: () => void): () => void {
  process.once('exit', cleanup);
  return () => process.off('exit', cleanup);
}
