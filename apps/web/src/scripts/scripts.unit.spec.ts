import { describe, expect, it } from 'vitest';
import type { ScriptView } from '@textbank/contracts';
import { addVariant, draftsDiffer, draftsOf, insertField, MAX_VARIANTS, removeVariant, reviseRequest, variantIndexOf } from './script-draft';
import { renderSamples, sampleContactsOf } from './sample-preview';
import { characterLabel, checkText, segmentWords } from './text-check';

const script = (variants: ScriptView['variants'], revision = 0): ScriptView => ({
  campaignId: 'c1', version: variants.length ? 1 : 0, variants, revisedAt: null, revisedBy: null, revision,
});

describe('script drafts', () => {
  it('starts with one empty box before the first save, else one per saved variant', () => {
    expect(draftsOf(script([], -1)).map((d) => d.body)).toEqual(['']);
    expect(draftsOf(script([{ variantId: 'v1', body: 'Hi' }])).map((d) => [d.variantId, d.body])).toEqual([['v1', 'Hi']]);
  });

  it('adds up to five variants and always keeps one', () => {
    let drafts = draftsOf(script([], -1));
    for (let i = 0; i < 10; i++) drafts = addVariant(drafts);
    expect(drafts).toHaveLength(MAX_VARIANTS);
    for (const draft of [...drafts]) drafts = removeVariant(drafts, draft.key);
    expect(drafts).toHaveLength(1);
  });

  it('knows when the drafts differ from what is saved', () => {
    const saved = script([{ variantId: 'v1', body: 'Hi' }]);
    const drafts = draftsOf(saved);
    expect(draftsDiffer(drafts, saved)).toBe(false);
    expect(draftsDiffer([{ ...drafts[0]!, body: 'Hello' }], saved)).toBe(true);
    expect(draftsDiffer(draftsOf(script([], -1)), script([], -1))).toBe(false);
  });

  it('saves against the revision the edit started from, and a variant removed meanwhile as a new one', () => {
    const drafts = [{ key: 'a', variantId: 'v1', body: 'One' }, { key: 'b', variantId: 'gone', body: 'Two' }, { key: 'c', body: 'Three' }];
    expect(reviseRequest(drafts, 3, script([{ variantId: 'v1', body: 'x' }], 5))).toEqual({
      expectedRevision: 3,
      variants: [{ variantId: 'v1', body: 'One' }, { body: 'Two' }, { body: 'Three' }],
    });
  });

  it('puts a merge field at the cursor, replacing a selection', () => {
    expect(insertField('Hi , vote!', 3, 3, 'firstName')).toEqual({ body: 'Hi {firstName}, vote!', cursor: 14 });
    expect(insertField('Hi NAME!', 3, 7, 'firstName')).toEqual({ body: 'Hi {firstName}!', cursor: 14 });
  });

  it('reads which variant a server issue is about', () => {
    expect(variantIndexOf('variants.1.body')).toBe(1);
    expect(variantIndexOf('variants')).toBeNull();
    expect(variantIndexOf('expectedRevision')).toBeNull();
  });
});

describe('checkText', () => {
  const allowed = ['firstName', 'lastName', 'texterFirstName', 'polling_place'];

  it('counts GSM-7 text and finds nothing to flag', () => {
    const check = checkText('Hi {firstName}, vote at {polling_place}!', allowed);
    expect(check.measure.encoding).toBe('GSM-7');
    expect(check.measure.segments).toBe(1);
    expect(check.ucs2Characters).toEqual([]);
    expect(check.fieldProblems).toEqual([]);
    expect(check.pieces).toEqual([{ text: 'Hi {firstName}, vote at {polling_place}!', ucs2: false }]);
  });

  it('marks the characters that force UCS-2, where they are', () => {
    const check = checkText('It’s time 🗳️ vote', allowed);
    expect(check.measure.encoding).toBe('UCS-2');
    expect(check.ucs2Characters[0]).toBe('’');
    expect(check.pieces[0]).toEqual({ text: 'It', ucs2: false });
    expect(check.pieces[1]).toEqual({ text: '’', ucs2: true });
    expect(check.pieces.filter((p) => p.ucs2).map((p) => p.text).join('')).toContain('🗳');
  });

  it('a long text needs more segments once it turns UCS-2', () => {
    const text = 'a'.repeat(100);
    expect(checkText(text, allowed).measure.segments).toBe(1);
    expect(checkText(`${text}😀`, allowed).measure.segments).toBe(2);
    expect(segmentWords(checkText(`${text}😀`, allowed).measure)).toBe('2 segments · 67 characters each');
    expect(segmentWords(checkText('Hi', allowed).measure)).toBe('1 segment');
  });

  it('flags unknown merge fields and brace mistakes before saving, with a suggestion for a wrong case', () => {
    const check = checkText('Hi {FirstName}, at {zip} { oops }', allowed);
    expect(check.fieldProblems[0]).toBe('Unknown merge field {FirstName} at characters 4-14: did you mean {firstName}?');
    expect(check.fieldProblems[1]).toMatch(/^Unknown merge field \{zip\} at characters 20-24: this campaign’s contacts have no such column/);
    expect(check.fieldProblems[2]).toMatch(/is not a merge field/);
  });

  it('names invisible characters', () => {
    expect(characterLabel('\u00A0')).toBe('space U+00A0');
    expect(characterLabel('é')).toBe('é');
  });
});

describe('sample previews', () => {
  it('uses the server’s sample contacts once each, or the same two it would use before any save', () => {
    const contact = { firstName: 'Ana', lastName: 'B', customFields: {} };
    const preview = { version: 1, previews: [1, 2].map((n) => ({ variantId: `v${n}`, contact, text: '', emptyFields: [], measure: { ...checkText('', []).measure, ucs2Characters: [] } })) };
    expect(sampleContactsOf(preview, [])).toEqual([contact]);
    expect(sampleContactsOf(null, ['firstName', 'polling_place'])).toEqual([
      { firstName: 'Maria', lastName: 'Lopez', customFields: { polling_place: 'polling place' } },
      { firstName: '', lastName: '', customFields: {} },
    ]);
  });

  it('renders the draft for each contact and says which fields came out empty', () => {
    const samples = sampleContactsOf(null, ['firstName', 'polling_place']);
    const [filled, empty] = renderSamples('Hi {firstName}, I’m {texterFirstName}. Vote at {polling_place}', samples, 'Sam');
    expect(filled).toMatchObject({ who: 'Maria Lopez', text: 'Hi Maria, I’m Sam. Vote at polling place', emptyFields: [] });
    expect(empty).toMatchObject({ who: 'A contact with every field empty', text: 'Hi , I’m Sam. Vote at ', emptyFields: ['firstName', 'polling_place'] });
    expect(empty!.measure.encoding).toBe('UCS-2');
  });
});
