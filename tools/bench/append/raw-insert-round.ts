import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { benchStreams, type AppendPlan } from './append-plan.js';
import { campaignRenamed } from './campaign-renamed.js';

export interface RawRoundResult {
  readonly events: number;
  readonly eventsPerSecond: number;
}

/**
 * The disk's limit for this workload: the same rows, with the same UNIQUE
 * (stream_id, revision) index, inserted `rawBatchSize` to a transaction through
 * plain better-sqlite3 at the same durability. Deliberately leaner than the
 * store (no streams table, no type index, no savepoints, no concurrency
 * checks): the ratio then shows everything the store adds.
 */
export function runRawRound(path: string, plan: AppendPlan): RawRoundResult {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // Set explicitly: better-sqlite3 defaults a WAL database to NORMAL.
    db.pragma('synchronous = FULL');
    db.exec(`
      CREATE TABLE events (
        position  INTEGER PRIMARY KEY AUTOINCREMENT,
        stream_id TEXT    NOT NULL,
        revision  INTEGER NOT NULL,
        event_id  TEXT    NOT NULL,
        type      TEXT    NOT NULL,
        data      TEXT    NOT NULL,
        metadata  TEXT    NOT NULL,
        created   INTEGER NOT NULL,
        UNIQUE (stream_id, revision)
      )`);
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const streams = benchStreams(plan.streams);
    const insertBatch = db.transaction((first: number, count: number) => {
      for (let i = first; i < first + count; i++) {
        const stream = streams[i % plan.streams];
        const event = campaignRenamed(stream.campaignId, i);
        insert.run(
          stream.name,
          Math.floor(i / plan.streams),
          randomUUID(),
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          Date.now(),
        );
      }
    });
    let written = 0;
    const startedAt = performance.now();
    const deadline = startedAt + plan.maxMs;
    while (written < plan.events && performance.now() < deadline) {
      const count = Math.min(plan.rawBatchSize, plan.events - written);
      insertBatch(written, count);
      written += count;
    }
    return { events: written, eventsPerSecond: written / ((performance.now() - startedAt) / 1000) };
  } finally {
    db.close();
  }
}
