import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import CampaignList from './CampaignList.svelte';
import { aCampaign } from './campaign-test-data';

const rows = (html: string) => html.match(/data-testid="campaign-row"/g)?.length ?? 0;

describe('CampaignList', () => {
  it('shows one row per campaign with its status, texting hours and creator', () => {
    const { body } = render(CampaignList, {
      props: {
        campaigns: [aCampaign({ id: 'a', name: 'Spring drive', status: 'active', textingHours: { start: '10:00', end: '20:00' } }), aCampaign({ id: 'b' })],
      },
    });
    expect(rows(body)).toBe(2);
    expect(body).toContain('Spring drive');
    expect(body).toContain('active');
    expect(body).toContain('10:00–20:00');
    expect(body).toContain('Ada Organizer');
    expect(body).toContain('datetime="2025-03-01T10:00:00.000Z"');
  });

  it('offers Edit only on drafts, and only when editing is allowed', () => {
    const campaigns = [aCampaign({ id: 'a', status: 'draft' }), aCampaign({ id: 'b', status: 'active' })];
    expect(render(CampaignList, { props: { campaigns, onEdit: () => {} } }).body.match(/>Edit</g)).toHaveLength(1);
    expect(render(CampaignList, { props: { campaigns } }).body).not.toContain('>Edit<');
  });

  it("falls back to the creator's id when the server sends no name", () => {
    const { body } = render(CampaignList, { props: { campaigns: [aCampaign({ createdBy: { id: 'person-42', kind: 'person' } })] } });
    expect(body).toContain('person-42');
  });

  it('escapes campaign names rather than rendering them as HTML', () => {
    const { body } = render(CampaignList, { props: { campaigns: [aCampaign({ name: '<img src=x onerror=alert(1)>' })] } });
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img');
  });

  it('says so when there are no campaigns', () => {
    const { body } = render(CampaignList, { props: { campaigns: [] } });
    expect(rows(body)).toBe(0);
    expect(body).toContain('No campaigns yet.');
  });
});
