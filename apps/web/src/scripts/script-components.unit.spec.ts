import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ScriptPreview from './ScriptPreview.svelte';
import VariantEditor from './VariantEditor.svelte';

const allowed = ['firstName', 'lastName', 'texterFirstName', 'polling_place'];
const editor = (body: string, readonly = false) => render(VariantEditor, { props: { id: 'v1', label: 'Script', body, allowedFields: allowed, readonly } }).body;

describe('VariantEditor', () => {
  it('offers every merge field as a button and counts GSM-7 text', () => {
    const body = editor('Hi {firstName}!');
    for (const field of allowed) expect(body).toContain(`>{${field}}</button>`);
    expect(body).toMatch(/data-testid="encoding"[^>]*>GSM-7</);
    expect(body).toContain('1 segment');
    expect(body).not.toContain('ucs2-warning');
  });

  it('warns about UCS-2, marks the characters and offers the fix when there is one', () => {
    const body = editor('It’s time to vote 🗳');
    expect(body).toMatch(/data-testid="encoding"[^>]*>UCS-2</);
    expect(body).toContain('data-testid="ucs2-warning"');
    expect(body).toContain('<mark>’</mark>');
    expect(body).toContain('Fix smart quotes and dashes');
    expect(editor('Vote 🗳')).not.toContain('Fix smart quotes and dashes');
  });

  it('flags an unknown merge field before saving', () => {
    expect(editor('Your zip is {zip}')).toContain('Unknown merge field {zip} at characters 13-17');
  });

  it('read-only for auditors: no buttons', () => {
    const body = editor('Hi', true);
    expect(body).not.toContain('<button');
    expect(body).toContain('readonly');
  });
});

describe('ScriptPreview', () => {
  it('renders the draft for a filled and an empty contact, naming the empty fields', () => {
    const { body } = render(ScriptPreview, {
      props: { drafts: [{ key: 'k', body: 'Hi {firstName}, vote at {polling_place}' }], allowedFields: allowed, serverPreview: null, texterFirstName: 'Sam' },
    });
    expect(body).toContain('Hi Maria, vote at polling place');
    expect(body).toContain('A contact with every field empty');
    expect(body).toContain('Empty for this contact: {firstName}, {polling_place}');
  });
});
