import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import SetupScreen from './SetupScreen.svelte';
import SignInScreen from './SignInScreen.svelte';

/** The label text that the input with this id is announced by. */
function labelFor(html: string, id: string): string | undefined {
  return html.match(new RegExp(`<label for="${id}"[^>]*>([^<]*)</label>`))?.[1];
}

describe('SetupScreen', () => {
  const { body } = render(SetupScreen);

  it('asks for the organization and its owner, each input with its own label', () => {
    expect(body).toContain('Create your organization');
    expect(labelFor(body, 'setup-organization')).toBe('Organization name');
    expect(labelFor(body, 'setup-name')).toBe('Your name');
    expect(labelFor(body, 'setup-email')).toBe('Email');
    expect(labelFor(body, 'setup-password')).toBe('Password');
    expect(body).toMatch(/<button type="submit"[^>]*>Create organization<\/button>/);
  });

  it("states the password rule under the field and ties it to the input", () => {
    expect(body).toContain('id="setup-password-hint"');
    expect(body).toMatch(/id="setup-password-hint">Use at least 12 characters/);
    expect(body).toMatch(/id="setup-password"[^>]*aria-describedby="setup-password-hint"/);
  });
});

describe('SignInScreen', () => {
  it('asks for email and password', () => {
    const { body } = render(SignInScreen);
    expect(labelFor(body, 'sign-in-email')).toBe('Email');
    expect(labelFor(body, 'sign-in-password')).toBe('Password');
    expect(body).toMatch(/id="sign-in-password"[^>]*type="password"/);
    expect(body).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
  });

  it('starts with an address it was given, and lets the password be shown', () => {
    const { body } = render(SignInScreen, { props: { email: 'jo@example.org' } });
    expect(body).toMatch(/id="sign-in-email"[^>]*value="jo@example.org"/);
    expect(body).toMatch(/<button[^>]*aria-controls="sign-in-password"[^>]*>Show password<\/button>/);
  });

  it('says why when the server signed the person out, and nothing after a chosen sign-out', () => {
    expect(render(SignInScreen, { props: { reason: 'You were signed out.' } }).body).toMatch(/role="alert"[^>]*>You were signed out.<\/p>/);
    expect(render(SignInScreen).body).not.toContain('signed out');
  });
});
