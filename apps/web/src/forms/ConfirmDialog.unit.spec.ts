import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ConfirmDialog from './ConfirmDialog.svelte';

describe('ConfirmDialog', () => {
  const { body } = render(ConfirmDialog, {
    props: { title: 'Suspend Sam Texter?', consequence: 'Sam Texter is signed out everywhere.', confirmLabel: 'Suspend', onConfirm: () => {}, onCancel: () => {} },
  });

  it('is a dialog named by its question and described by the consequence', () => {
    const labelledBy = body.match(/<dialog[^>]*aria-labelledby="([^"]+)"/)?.[1];
    const describedBy = body.match(/<dialog[^>]*aria-describedby="([^"]+)"/)?.[1];
    expect(body).toContain(`<h2 id="${labelledBy}">Suspend Sam Texter?</h2>`);
    expect(body).toContain(`<p id="${describedBy}">Sam Texter is signed out everywhere.</p>`);
  });

  it('offers the named action and Cancel', () => {
    expect(body).toMatch(/<button type="button" class="danger"[^>]*>Suspend<\/button>/);
    expect(body).toMatch(/<button type="button" class="secondary"[^>]*>Cancel<\/button>/);
  });
});
