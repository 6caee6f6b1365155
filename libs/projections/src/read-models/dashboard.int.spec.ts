import { SqliteEventStore } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { allProjectors } from '../all-projectors.js';
import { ProjectionRunner } from '../projection-runner.js';
import { openReadModelDatabase } from '../read-model-database.js';
import { dashboardProjector } from './dashboard.js';
import { campaignDashboard, organizationOverview } from './dashboard-views.js';
import { answered, at, c1, delivery, notSent, optedIn, optedOut, reassigned, reply, replySent, sent, tagged, type Given } from './dashboard.spec-helpers.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-dash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const metadata = { actor: { id: 'p1', kind: 'person', name: 'Ada' }, causationId: 'c', correlationId: 'c', timestamp: at(0), schemaVersion: 1 };

/** A night of texting, deterministic: 3 texters, 90 contacts, every kind of outcome, a reassignment half-way. */
function session(): Given[] {
  const events: Given[] = [['campaign-c1', { type: 'CampaignCreated', data: { campaignId: c1, organizationId: 'o1', name: 'Night', description: '', textingHours: { start: '09:00', end: '21:00' }, createdAt: at(0) } }]];
  const texters = ['ann', 'bob', 'cy'];
  for (let i = 0; i < 90; i++) {
    const id = String(i);
    const minute = Math.floor(i / 3);
    events.push(sent(id, texters[i % 3]!, minute));
    if (i % 11 === 0) events.push(notSent(id, i % 2 ? 'provider_refused' : 'ambiguous', minute, '21610'), optedOut(id, 'carrier', minute));
    else if (i % 13 === 0) events.push(delivery(id, 'failed', minute + 1, '30007'));
    else events.push(delivery(id, 'delivered', minute + 1));
    if (i % 4 === 0) events.push(reply(id, minute + 2));
    if (i % 8 === 0) events.push(replySent(id, texters[i % 3]!, minute + 3, `m-${id}-r`));
    if (i % 10 === 0) events.push(reply(id, minute + 3, 'opt_out'), optedOut(id, 'reply', minute + 3));
    if (i % 20 === 0) events.push(reply(id, minute + 5, 'opt_in'), optedIn(id, minute + 5));
    if (i % 6 === 0) events.push(answered(id, 'q1', i % 12 ? 'yes' : 'no', minute + 4));
    if (i % 5 === 0) events.push(tagged(id, 't1', minute + 4));
    if (i === 45) events.push(reassigned(['4', '12', '16'], 'bob', 'cy', minute));
  }
  return events;
}

/** Every row of every dashboard table, in key order. */
const dump = (db: Database.Database) => Object.fromEntries(dashboardProjector.tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));

it('the dashboard read model rebuilt from zero equals the one built live while the session ran', async () => {
  const store = new SqliteEventStore({ path: join(root, 'events.db'), pollIntervalMs: 5 });
  const db = openReadModelDatabase(join(root, 'read.db'));
  const runner = new ProjectionRunner(store, db, allProjectors, { batchSize: 7 });
  runner.start();
  let last = 0n;
  // Appended one at a time while the runner follows live, in batches of at most 7.
  for (const [stream, event] of session()) {
    const result = await store.appendToStream(stream, [{ type: event.type, data: event.data, metadata }]);
    last = result.position!.commit;
  }
  expect(await runner.waitFor(last)).toBe(true);
  const clock = { now: new Date(at(40)), position: last, hours: 3, online: new Set(['ann']) };
  const live = { tables: dump(db), view: campaignDashboard(db, c1, clock), overview: organizationOverview(db, { ...clock, volunteersOnline: 1 }) };
  expect(live.view!.counters).toEqual({ contacts: 0, needsFirstText: 0, texted: 90, replied: 27, optedOut: 12, unreachable: 0, failed: 10 });
  expect(live.view!.texters.map((t) => [t.texterId, t.sent, t.repliesWaiting, t.online])).toEqual([
    ['ann', 34, 2, true],
    ['bob', 34, 3, false],
    // Contacts 4, 12 and 16 moved to cy: 4 and 12 with replies waiting.
    ['cy', 34, 3, false],
  ]);

  await runner.rebuild();
  expect(await runner.waitFor(last)).toBe(true);
  expect(dump(db)).toEqual(live.tables);
  expect(campaignDashboard(db, c1, clock)).toEqual(live.view);
  expect(organizationOverview(db, { ...clock, volunteersOnline: 1 })).toEqual(live.overview);
  await runner.stop();
  await store.close();
  db.close();
});
