import type { EventLogEntry } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import EventLogTable from './EventLogTable.svelte';

const entry = (overrides: Partial<EventLogEntry>): EventLogEntry => ({
  position: '1', id: 'e1', type: 'CampaignCreated', stream: 'campaign-1', revision: 0,
  actor: { id: 'p1', kind: 'person', name: 'Ada Organizer' }, time: '2025-03-01T10:00:00.000Z', data: { name: 'Spring drive' },
  ...overrides,
});

describe('EventLogTable', () => {
  it('shows one row per event, in the order given, with type, stream, actor, time and data', () => {
    const { body } = render(EventLogTable, {
      props: { entries: [entry({ id: 'e2', position: '2', type: 'CampaignRenamed' }), entry({})] },
    });
    const rows = body.split('data-testid="event-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('CampaignRenamed');
    expect(rows[1]).toContain('CampaignCreated');
    expect(rows[1]).toContain('campaign-1');
    expect(rows[1]).toContain('Ada Organizer');
    expect(rows[1]).toContain('datetime="2025-03-01T10:00:00.000Z"');
    expect(rows[1]).toContain('{"name":"Spring drive"}');
  });

  it('names a system actor and one without a name', () => {
    const { body } = render(EventLogTable, {
      props: { entries: [entry({ id: 'a', actor: null }), entry({ id: 'b', actor: { id: 'p9', kind: 'person' } })] },
    });
    expect(body).toContain('>system<');
    expect(body).toContain('>p9<');
  });

  it('says so when no event matches', () => {
    const { body } = render(EventLogTable, { props: { entries: [] } });
    expect(body).not.toContain('event-row');
    expect(body).toContain('No events match.');
  });
});
