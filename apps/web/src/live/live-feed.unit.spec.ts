import type { CampaignView, Change, EventLogEntry } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { LiveFeed } from './live-feed';

const event = (position: string): Change => ({
  kind: 'event.appended',
  topic: 'event-log',
  position,
  payload: { position, id: `e${position}`, type: 'CampaignCreated', stream: 'campaign-1', revision: 0, actor: null, time: '2025-01-01T00:00:00Z', data: {} } satisfies EventLogEntry,
});

const campaign = (position: string): Change => ({
  kind: 'campaign.upserted',
  topic: 'campaigns',
  position,
  payload: {} as CampaignView,
});

const positions = (changes: Change[]) => changes.map((change) => change.position);

describe('LiveFeed', () => {
  it('applies only changes after the starting position, once each', () => {
    const feed = new LiveFeed(['event-log'], '10');
    expect(positions(feed.receive(event('10')))).toEqual([]);
    expect(positions(feed.receive(event('11')))).toEqual(['11']);
    expect(positions(feed.receive(event('11')))).toEqual([]);
    expect(positions(feed.receive(event('9')))).toEqual([]);
  });

  it('compares 64-bit positions exactly, beyond what a Number can hold', () => {
    // 2^53 + 1 and 2^53 are the same Number; as BigInt the first is later.
    const feed = new LiveFeed(['event-log'], '9007199254740992');
    expect(positions(feed.receive(event('9007199254740993')))).toEqual(['9007199254740993']);
    expect(positions(feed.receive(event('10000000000000000000')))).toEqual(['10000000000000000000']);
    expect(feed.syncRequest().since).toBe('10000000000000000000');
  });

  it('asks to sync from the highest position applied', () => {
    const feed = new LiveFeed(['event-log'], '5');
    feed.receive(event('7'));
    expect(feed.syncRequest()).toEqual({ topics: ['event-log'], since: '7' });
  });

  it('holds live changes during a sync and merges them with the replay in order, without duplicates', () => {
    const feed = new LiveFeed(['event-log'], '10');
    feed.beginSync();
    expect(feed.receive(event('14'))).toEqual([]);
    expect(feed.receive(event('13'))).toEqual([]);
    expect(positions(feed.completeSync([event('11'), event('12'), event('13')]))).toEqual(['11', '12', '13', '14']);
    expect(positions(feed.receive(event('15')))).toEqual(['15']);
  });

  it('releases held changes when a sync fails', () => {
    const feed = new LiveFeed(['event-log'], '1');
    feed.beginSync();
    feed.receive(event('2'));
    expect(positions(feed.abandonSync())).toEqual(['2']);
  });

  it('keeps a cursor per topic, since one log event can change both topics at the same position', () => {
    const feed = new LiveFeed(['campaigns', 'event-log'], '3');
    expect(positions(feed.receive(campaign('4')))).toEqual(['4']);
    expect(positions(feed.receive(event('4')))).toEqual(['4']);
    feed.receive(event('6'));
    expect(feed.syncRequest().since).toBe('4');
  });

  it('ignores topics it does not follow and positions that are not numbers', () => {
    const feed = new LiveFeed(['event-log'], '1');
    expect(feed.receive(campaign('2'))).toEqual([]);
    expect(feed.receive(event('2x'))).toEqual([]);
    expect(feed.positionOf('event-log')).toBe('1');
  });
});
