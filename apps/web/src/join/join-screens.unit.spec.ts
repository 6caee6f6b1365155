import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import InviteProblem from './InviteProblem.svelte';
import JoinForm from './JoinForm.svelte';

const labelFor = (html: string, id: string) => html.match(new RegExp(`<label for="${id}"[^>]*>([^<]*)</label>`))?.[1];
const preview = { organizationName: 'Friends of the Park', role: 'volunteer' as const, email: null, campaignName: 'Spring drive' };
/** The markup without Svelte's hydration comments. */
const form = (overrides = {}) =>
  render(JoinForm, { props: { token: 't', preview: { ...preview, ...overrides }, onJoined: () => {}, onUnusable: () => {} } }).body.replace(/<!--.*?-->/g, '');

describe('JoinForm', () => {
  it('names the organization, the role and the campaign, and asks for name, email and password', () => {
    const body = form();
    expect(body).toContain('<h1>Join Friends of the Park</h1>');
    expect(body).toContain('You are joining as <strong>a volunteer</strong> for the campaign <strong>Spring drive</strong>.');
    expect(labelFor(body, 'join-name')).toBe('Your name');
    expect(labelFor(body, 'join-email')).toBe('Email');
    expect(labelFor(body, 'join-password')).toBe('Password');
    expect(body).toMatch(/<button type="submit"[^>]*>Join<\/button>/);
  });

  it('states the password rule under the field, tied to the input', () => {
    expect(form()).toMatch(/id="join-password" type="password"[^>]*aria-describedby="join-password-hint"/);
    expect(form()).toContain('id="join-password-hint">Use at least 12 characters');
  });

  it('leaves the email open for a volunteer link', () => {
    expect(form()).toMatch(/<input id="join-email" type="email"[^>]*value=""/);
    expect(form()).not.toMatch(/id="join-email"[^>]*readonly/);
  });

  it('fills in and locks the email of a named invite', () => {
    const body = form({ role: 'auditor', email: 'aud@example.org', campaignName: null });
    expect(body).toContain('You are joining as <strong>an auditor</strong>.');
    expect(body).toMatch(/<input id="join-email"[^>]*readonly=""[^>]*value="aud@example.org"/);
  });
});

describe('InviteProblem', () => {
  it("shows the server's message on its own, with no form", () => {
    const { body } = render(InviteProblem, { props: { message: 'This invite link has expired' } });
    expect(body).toMatch(/data-testid="invite-problem">This invite link has expired<\/p>/);
    expect(body).not.toContain('<form');
    expect(body).not.toContain('<input');
  });
});
