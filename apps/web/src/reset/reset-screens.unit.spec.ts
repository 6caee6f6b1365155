import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ResetPasswordForm from './ResetPasswordForm.svelte';
import { resetStateFrom } from './reset-state';

const preview = { name: 'Jo Texter', email: 'jo@example.org' };

describe('ResetPasswordForm', () => {
  const { body } = render(ResetPasswordForm, { props: { token: 't', preview, onDone: () => {}, onUnusable: () => {} } });

  it('says whose password is being set, by name and email', () => {
    expect(body).toContain('<strong data-testid="reset-name">Jo Texter</strong>');
    expect(body).toContain('<strong data-testid="reset-email">jo@example.org</strong>');
  });

  it('asks for a new password with its rule and a Show password toggle, and says the link works once', () => {
    expect(body).toMatch(/<label for="reset-password">New password<\/label>/);
    expect(body).toMatch(/id="reset-password" type="password"[^>]*autocomplete="new-password"/);
    expect(body).toContain('at least 12 characters');
    expect(body).toMatch(/aria-controls="reset-password" aria-pressed="false">Show password</);
    expect(body).toContain('This link works once');
    expect(body).toMatch(/<button type="submit"[^>]*>Set password and sign in<\/button>/);
  });

  it('warns someone signed in as another person on this device', () => {
    const other = render(ResetPasswordForm, { props: { token: 't', preview, signedInAs: 'Ada Organizer', onDone: () => {}, onUnusable: () => {} } }).body;
    expect(other).toContain('You are signed in as Ada Organizer on this device');
  });
});

describe('resetStateFrom', () => {
  it('shows the form for a good link', () => {
    expect(resetStateFrom({ ok: true, value: preview })).toEqual({ phase: 'ready', preview });
  });

  it("shows the server's words, with no form, for a link unknown (404), expired or used (410)", () => {
    const used = resetStateFrom({ ok: false, error: { statusCode: 410, error: 'Gone', message: 'This reset link was already used.' } });
    expect(used).toEqual({ phase: 'unusable', message: 'This reset link was already used.' });
    expect(resetStateFrom({ ok: false, error: { statusCode: 404, error: 'Not Found', message: '' } }).phase).toBe('unusable');
  });

  it('offers to try again when the server could not be asked', () => {
    expect(resetStateFrom({ ok: false, error: { statusCode: 0, error: 'Network Error', message: 'Could not reach Textbank.' } }).phase).toBe('unreachable');
  });
});
