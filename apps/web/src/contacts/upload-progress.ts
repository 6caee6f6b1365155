import type { UploadProgress } from '@textbank/contracts';

export type UploadStage = 'sending' | 'checking' | 'storing' | 'done';

/** What the browser knows of a running upload: bytes it sent, and the server's latest word. */
export interface UploadProgressFacts {
  sentBytes: number;
  totalBytes: number;
  server: UploadProgress | null;
  /** The server answered with the summary. */
  answered: boolean;
}

export interface ProgressShown {
  /** 0–100, whole. */
  percent: number;
  stage: UploadStage;
  words: string;
}

/**
 * One bar for the whole upload. The server reads rows while the bytes still
 * arrive, so sending and checking overlap: each is worth about half the bar
 * (sent bytes, then bytes the server has read), storing the last few percent,
 * and only the answer (or the server's `done`) makes it 100. Callers keep the
 * largest percent seen, so the bar never runs backwards.
 */
export function progressShown(facts: UploadProgressFacts): ProgressShown {
  const server = facts.server;
  if (facts.answered || server?.phase === 'done') return { percent: 100, stage: 'done', words: doneWords(server) };
  if (server?.phase === 'storing') return { percent: 97, stage: 'storing', words: `Storing ${count(server.accepted, 'contact')}…` };
  const total = Math.max(1, facts.totalBytes);
  const sent = Math.min(1, facts.sentBytes / total);
  const read = server ? Math.min(1, server.bytesRead / Math.max(1, server.totalBytes ?? total)) : 0;
  const percent = Math.min(95, Math.floor(45 * sent + 50 * read));
  if (sent < 1 && (!server || read < sent)) return { percent, stage: 'sending', words: `Sending the file: ${fileSize(facts.sentBytes)} of ${fileSize(facts.totalBytes)}` };
  return { percent, stage: 'checking', words: server ? `Checking rows: ${count(server.rowsSeen, 'row')} read, ${server.accepted.toLocaleString('en-US')} accepted so far` : 'Checking rows…' };
}

/** A byte count as people read file sizes: "840 KB", "12.5 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

function doneWords(server: UploadProgress | null): string {
  return server ? `Done: ${count(server.rowsSeen, 'row')} checked.` : 'Done.';
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
