import type { ChildProcess } from 'node:child_process';

/**
 * The next IPC message of a type from a child process, failing on a
 * `failed` message, an early exit or a timeout. `ask` sends what prompts it.
 */
export function nextMessage<M extends { type: string }, T extends M['type']>(child: ChildProcess, type: T, timeoutMs: number, ask: () => void): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: M) => {
      if (message.type === type) {
        done();
        resolve(message as Extract<M, { type: T }>);
      } else if (message.type === 'failed') {
        done();
        reject(new Error(`socket clients failed: ${(message as { error?: string }).error}`));
      }
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the socket-client process exited (code ${code}) before sending '${type}'`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no '${type}' from the socket clients within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    ask();
  });
}
