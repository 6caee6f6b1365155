import type { EventLogEntry } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import EventLogTable from './EventLogTable.svelte';
import { nameBookOf } from './name-book';

const entry = (overrides: Partial<EventLogEntry>): EventLogEntry => ({
  position: '1', id: 'e1', type: 'CampaignCreated', stream: 'campaign-c1', revision: 0,
  actor: { id: 'p1', kind: 'person', name: 'Ada Organizer' }, time: '2025-03-01T10:00:00.000Z', data: { campaignId: 'c1', name: 'Spring drive' },
  ...overrides,
});
const names = nameBookOf([{ id: 'c1', name: 'Spring drive' }], [{ id: 'p2', name: 'Sam Texter' }]);

describe('EventLogTable', () => {
  it('shows one row per event, in the order given, as a sentence with its time and type', () => {
    const { body } = render(EventLogTable, {
      props: { entries: [entry({ id: 'e2', position: '2', type: 'PersonSuspended', stream: 'person-p2', data: { personId: 'p2' } }), entry({})], names },
    });
    const rows = body.split('data-testid="event-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Ada Organizer suspended Sam Texter');
    expect(rows[1]).toContain('Ada Organizer created Spring drive');
    expect(rows[1]).toContain('<code class="event-type">CampaignCreated</code>');
    expect(rows[1]).toContain('datetime="2025-03-01T10:00:00.000Z"');
  });

  it('keeps the raw event, JSON included, behind a closed disclosure', () => {
    const { body } = render(EventLogTable, { props: { entries: [entry({})], names } });
    expect(body).toMatch(/<details class="event-data"><summary>Raw event<\/summary>/);
    expect(body).toContain('"name": "Spring drive"');
    expect(body).not.toMatch(/<details[^>]* open/);
  });

  it('marks a type it has no words for, and still says what it was', () => {
    const { body } = render(EventLogTable, { props: { entries: [entry({ type: 'ContactsAssigned', data: { count: 3 } })], names } });
    expect(body).toContain('class="unknown-type"');
    expect(body).toContain('Ada Organizer: Contacts assigned (Spring drive)');
  });

  it('says so when no event matches', () => {
    const { body } = render(EventLogTable, { props: { entries: [] } });
    expect(body).not.toContain('event-row');
    expect(body).toContain('No events match.');
  });
});
