import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import CampaignTable from './CampaignTable.svelte';
import { CAMPAIGN_TABLE, FIRST_CAMPAIGN_QUERY, withStatus } from './campaign-table';
import { aCampaign } from './campaign-test-data';
import { viewTable } from '../tables/table-view';

const rows = (html: string) => html.split('data-testid="campaign-row"').slice(1);
const table = (campaigns: ReturnType<typeof aCampaign>[], query = FIRST_CAMPAIGN_QUERY) =>
  render(CampaignTable, { props: { campaigns, query, onQuery: () => {} } }).body;

describe('CampaignTable', () => {
  it('shows one compact row per campaign: name linking to its page, status, texting hours, creator, created', () => {
    const body = table([aCampaign({ id: 'a', name: 'Spring drive', status: 'active', textingHours: { start: '10:00', end: '20:00' } }), aCampaign({ id: 'b' })]);
    expect(rows(body)).toHaveLength(2);
    expect(rows(body)[0]).toMatch(/<a class="row-link" href="#\/campaigns\/a">Spring drive<\/a>/);
    expect(rows(body)[0]).toContain('>active<');
    expect(rows(body)[0]).toContain('10:00–20:00');
    expect(rows(body)[0]).toContain('Ada Organizer');
    expect(rows(body)[0]).toContain('datetime="2025-03-01T10:00:00.000Z"');
  });

  it('marks the sorted column for screen readers and offers the others as buttons', () => {
    const body = table([aCampaign()]);
    expect(body).toMatch(/<th scope="col" aria-sort="descending"><button[^>]*>\s*Created/);
    expect(body).toMatch(/<th scope="col"><button type="button" class="sort">\s*Name/);
  });

  it("falls back to the creator's id when the server sends no name", () => {
    expect(table([aCampaign({ createdBy: { id: 'person-42', kind: 'person' } })])).toContain('person-42');
  });

  it('escapes campaign names rather than rendering them as HTML', () => {
    const body = table([aCampaign({ name: '<img src=x onerror=alert(1)>' })]);
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img');
  });
});

describe('campaign table rules', () => {
  const many = Array.from({ length: 74 }, (_, i) =>
    aCampaign({ id: `c${i}`, name: `Campaign ${i}`, status: i % 2 ? 'draft' : 'active', createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }),
  );

  it('shows 74 campaigns 20 to a page, newest first', () => {
    const view = viewTable(many, FIRST_CAMPAIGN_QUERY, CAMPAIGN_TABLE);
    expect(view.pages).toBe(4);
    expect(view.rows).toHaveLength(20);
    expect(view.rows[0]?.name).toBe('Campaign 73');
  });

  it('filters by status and searches names', () => {
    expect(withStatus(many, 'active')).toHaveLength(37);
    expect(viewTable(many, { ...FIRST_CAMPAIGN_QUERY, search: 'campaign 73' }, CAMPAIGN_TABLE).rows.map((c) => c.name)).toEqual(['Campaign 73']);
  });

  it('sorts by status in the order work moves through', () => {
    const view = viewTable([aCampaign({ id: 'x', status: 'archived' }), aCampaign({ id: 'y', status: 'draft' })], { ...FIRST_CAMPAIGN_QUERY, sort: 'status', direction: 'ascending' }, CAMPAIGN_TABLE);
    expect(view.rows.map((c) => c.status)).toEqual(['draft', 'archived']);
  });
});
