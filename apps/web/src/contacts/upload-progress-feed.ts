import { SOCKET_EVENTS, UploadProgress } from '@textbank/contracts';
import { connection } from '../live/socket-connection.svelte';

/** The slice of the socket this needs; tests pass a fake. */
export interface ProgressSocket {
  on(event: string, listener: (raw: unknown) => void): unknown;
  off(event: string, listener: (raw: unknown) => void): unknown;
}

/**
 * Progress of uploads into one campaign, pushed to sockets that follow
 * `campaign:<id>` (the campaign page does). Ephemeral: a missed message only
 * means the bar jumps. Returns a function that stops listening.
 */
export function onUploadProgress(campaignId: string, listener: (progress: UploadProgress) => void, socket: ProgressSocket = connection.open()): () => void {
  const handle = (raw: unknown) => {
    const progress = UploadProgress.safeParse(raw);
    if (progress.success && progress.data.campaignId === campaignId) listener(progress.data);
  };
  socket.on(SOCKET_EVENTS.uploadProgress, handle);
  return () => void socket.off(SOCKET_EVENTS.uploadProgress, handle);
}
