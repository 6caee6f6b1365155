import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { aCampaign } from '../campaigns/campaign-test-data';
import { aPerson } from '../people/people-test-data';
import CreatedInviteLink from './CreatedInviteLink.svelte';
import InviteList from './InviteList.svelte';
import InvitesSection from './InvitesSection.svelte';
import { anInvite } from './invite-test-data';

const labelFor = (html: string, id: string) => html.match(new RegExp(`<label for="${id}"[^>]*>([^<]*)</label>`))?.[1];
const now = Date.parse('2025-06-01T00:00:00Z');

describe('InvitesSection', () => {
  const campaigns = [aCampaign({ id: 'c1', name: 'Spring drive' }), aCampaign({ id: 'c2', name: 'Old drive', status: 'archived' })];
  const { body } = render(InvitesSection, { props: { invites: null, campaigns, people: [], problem: '', onChanged: () => {} } });

  it('offers a volunteer link whose options are all optional, and a named invite', () => {
    expect(body).toMatch(/<button type="submit"[^>]*>Create volunteer link<\/button>/);
    expect(labelFor(body, 'volunteer-link-expires')).toBe('Link expires');
    expect(body).toMatch(/id="volunteer-link-expires" type="datetime-local"/);
    expect(labelFor(body, 'named-invite-email')).toBe('Invitee email');
    expect(labelFor(body, 'named-invite-role')).toBe('Invitee role');
    expect(body).toMatch(/<button type="submit"[^>]*>Invite by email<\/button>/);
  });

  it('lets a link name an active campaign but not an archived one', () => {
    expect(body).toContain('>Spring drive</option>');
    expect(body).not.toContain('Old drive');
  });

  it('offers only admin and auditor for a named invite', () => {
    const roles = [...body.matchAll(/<select id="named-invite-role">(.*?)<\/select>/g)][0]?.[1] ?? '';
    expect([...roles.matchAll(/value="(\w+)"/g)].map((match) => match[1])).toEqual(['admin', 'auditor']);
  });

  it('shows no link until one is made', () => {
    expect(body).not.toContain('data-testid="invite-link"');
    expect(body).toContain('Loading invites…');
  });
});

describe('InviteList', () => {
  const list = (invites: ReturnType<typeof anInvite>[]) =>
    render(InviteList, {
      props: { invites, campaigns: [aCampaign({ id: 'c1', name: 'Spring drive' })], people: [aPerson({ id: 'p1', name: 'Ada Organizer' })], now, onChanged: () => {} },
    }).body;
  const rows = (html: string) => html.split('data-testid="invite-row"').slice(1);

  it('shows each invite with what it is for, its status, uses against the maximum, and who made it', () => {
    const body = list([
      anInvite({ id: 'a', campaignId: 'c1', uses: 3, maxUses: 50, createdAt: '2025-05-02T00:00:00Z' }),
      anInvite({ id: 'b', kind: 'named', role: 'auditor', email: 'aud@example.org', status: 'used-up', uses: 1, maxUses: 1, createdAt: '2025-05-01T00:00:00Z' }),
    ]);
    const [link, named] = rows(body);
    expect(link).toContain('Volunteer link for Spring drive');
    expect(link).toContain('3 / 50');
    expect(link).toContain('by Ada Organizer');
    expect(named).toContain('Auditor invite for aud@example.org');
    expect(named).toContain('status-used-up');
  });

  it('names a labelled link by its label, with the generic words under it', () => {
    const [row] = rows(list([anInvite({ label: 'Saturday phone bank', campaignId: 'c1' })]));
    expect(row).toMatch(/<span id="invite-i1-label"[^>]*>Saturday phone bank<\/span>/);
    expect(row).toContain('<span class="row-description">Volunteer link for Spring drive</span>');
  });

  it('offers Show link on open volunteer links, New link on every open invite, and nothing on closed ones', () => {
    const [volunteer, named, inactive] = rows(
      list([
        anInvite({ id: 'v', createdAt: '2025-05-03T00:00:00Z' }),
        anInvite({ id: 'n', kind: 'named', role: 'admin', email: 'ada@example.org', createdAt: '2025-05-02T00:00:00Z' }),
        anInvite({ id: 'x', status: 'inactive', createdAt: '2025-05-01T00:00:00Z' }),
      ]),
    );
    expect(volunteer).toMatch(/>Show link<\/button>/);
    expect(volunteer).toMatch(/>New link<\/button>/);
    expect(named).not.toContain('Show link');
    expect(named).toMatch(/>New link<\/button>/);
    expect(inactive).not.toMatch(/<button/);
  });

  it('explains in words why an inactive link does not work', () => {
    const [row] = rows(list([anInvite({ status: 'inactive' })]));
    expect(row).toContain('Does not work while Ada Organizer is not an active owner or admin');
  });

  it('offers Revoke only on open links, and counts one past its expiry as expired', () => {
    const body = list([
      anInvite({ id: 'open' }),
      anInvite({ id: 'late', expiresAt: '2025-05-31T00:00:00Z', createdAt: '2025-01-01T00:00:00Z' }),
      anInvite({ id: 'revoked', status: 'revoked', createdAt: '2024-01-01T00:00:00Z' }),
    ]);
    const [open, late, revoked] = rows(body);
    expect(open).toMatch(/<button[^>]*>Revoke<\/button>/);
    expect(late).toContain('>expired<');
    expect(late).not.toContain('Revoke');
    expect(revoked).not.toContain('Revoke');
  });

  it('falls back to ids it cannot name, and says when there are no invites', () => {
    expect(list([anInvite({ createdBy: 'p9' })])).toContain('by p9');
    expect(list([])).toContain('No invites yet.');
  });
});

describe('CreatedInviteLink', () => {
  it('shows a volunteer link alone in its element with Copy and its QR code, and says where to find it again', () => {
    const { body } = render(CreatedInviteLink, { props: { link: 'https://text.example.org/#/join/tok', email: null, label: 'Saturday phone bank', onDone: () => {} } });
    expect(body).toContain('<code data-testid="invite-link">https://text.example.org/#/join/tok</code>');
    expect(body).toContain('New volunteer link: Saturday phone bank');
    expect(body).toContain('Show link in the list below brings it back');
    expect(body).toMatch(/<button[^>]*>Copy<\/button>/);
    expect(body).toContain('data-testid="qr-code"');
  });

  it('says who a named invite is for, that it is shown only now, and gives no QR code', () => {
    const { body } = render(CreatedInviteLink, { props: { link: 'https://x/#/join/t', email: 'ada@example.org', onDone: () => {} } });
    expect(body).toContain('Invite link for ada@example.org');
    expect(body).toContain('Only that email address can join');
    expect(body).toContain('shown only now');
    expect(body).not.toContain('qr-code');
  });
});
