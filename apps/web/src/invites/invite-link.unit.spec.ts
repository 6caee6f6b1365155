import { describe, expect, it, vi } from 'vitest';
import { copyText } from '../sharing/copy-text';
import { inviteLink } from './invite-link';

describe('inviteLink', () => {
  it("joins the app's origin and the path the API answered", () => {
    expect(inviteLink('https://text.example.org', '/#/join/abc123')).toBe('https://text.example.org/#/join/abc123');
  });

  it('never doubles or drops the slash between them', () => {
    expect(inviteLink('http://localhost:3000/', '/#/join/t')).toBe('http://localhost:3000/#/join/t');
    expect(inviteLink('http://localhost:3000', '#/join/t')).toBe('http://localhost:3000/#/join/t');
  });
});

describe('copyText', () => {
  it('writes to the clipboard', async () => {
    const clipboard = { writeText: vi.fn(async () => {}) };
    expect(await copyText('https://x/#/join/t', clipboard)).toBe(true);
    expect(clipboard.writeText).toHaveBeenCalledWith('https://x/#/join/t');
  });

  it('reports failure when there is no clipboard or it refuses, so the caller can select the text', async () => {
    expect(await copyText('t', undefined)).toBe(false);
    expect(await copyText('t', { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) })).toBe(false);
  });
});
