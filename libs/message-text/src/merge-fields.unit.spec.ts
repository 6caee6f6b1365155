import { describe, expect, it } from 'vitest';
import { allowedMergeFields, checkMergeFields } from './merge-field-check.js';
import { mergeFieldsOf, parseScript } from './merge-fields.js';

describe('merge fields', () => {
  it.each([
    ['Hi {firstName}!', ['firstName']],
    ['{firstName} {lastName}, {texterFirstName} here', ['firstName', 'lastName', 'texterFirstName']],
    ['Vote at {polling_place} ({polling_place})', ['polling_place']],
    ['Your {distrito_electoral_2} and {código}', ['distrito_electoral_2', 'código']],
    ['{_private}', ['_private']],
    ['No fields at all', []],
    ['Literal {{firstName}} is not a field', []],
    ['{{{firstName}}}', ['firstName']],
    ['', []],
  ])('%j uses %j', (body, fields) => {
    expect(mergeFieldsOf(body)).toEqual(fields);
  });

  it.each([
    ['{{ and }}', '{ and }'],
    ['{{{firstName}}}', '{|firstName|}'],
    ['a}}b{{c', 'a}b{c'],
  ])('%j keeps its literal braces as %j', (body, expected) => {
    const shown = parseScript(body)
      .parts.map((p) => (p.kind === 'text' ? p.text : `|${p.name}|`))
      .join('');
    expect(shown).toBe(expected);
  });

  it('gives each use its place, braces included', () => {
    expect(parseScript('Hi {firstName}, {x}').parts).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'field', name: 'firstName', start: 3, end: 14 },
      { kind: 'text', text: ', ' },
      { kind: 'field', name: 'x', start: 16, end: 19 },
    ]);
  });

  it.each([
    ['Hi {first name}', 3, 15, /not a merge field/],
    ['Hi {firstName', 3, 4, /lone "\{"/],
    ['Hi firstName}', 12, 13, /lone "\}"/],
    ['Hi {}', 3, 5, /empty merge field/],
    ['Hi { firstName }', 3, 16, /not a merge field/],
    ['Hi {2fast}', 3, 10, /not a merge field/],
    ['Hi {first-name}', 3, 15, /not a merge field/],
    ['😀 {a b}', 3, 8, /not a merge field/],
  ])('%j is a brace mistake at %i-%i', (body, start, end, message) => {
    const { mistakes } = parseScript(body);
    expect(mistakes).toHaveLength(1);
    expect(mistakes[0]).toMatchObject({ start, end });
    expect(mistakes[0]!.message).toMatch(message);
  });

  it('a field does not run over a line break', () => {
    expect(parseScript('{first\nName}').mistakes.map((m) => m.start)).toEqual([0, 11]);
  });
});

describe('checking merge fields against a campaign', () => {
  const allowed = allowedMergeFields(['polling_place', 'firstName']);

  it('allows the built-ins and the custom fields, each once', () => {
    expect(allowed).toEqual(['firstName', 'lastName', 'texterFirstName', 'polling_place']);
  });

  it.each([
    ['Hi {firstName}, vote at {polling_place}', []],
    ['Hi {FirstName}', [{ name: 'FirstName', start: 3, end: 14, suggestion: 'firstName' }]],
    ['😀 {zip} and {zip}', [{ name: 'zip', start: 3, end: 8 }, { name: 'zip', start: 13, end: 18 }]],
    ['{{zip}} is literal', []],
  ])('%j has unknown fields %j', (body, unknown) => {
    const check = checkMergeFields(body, allowed);
    expect(check.unknown).toEqual(unknown);
    expect(check.ok).toBe(unknown.length === 0);
  });

  it('is not ok with a brace mistake', () => {
    expect(checkMergeFields('Hi {first name}', allowed)).toMatchObject({ ok: false, unknown: [], mistakes: [{ start: 3, end: 15 }] });
  });

  it('lists every use', () => {
    expect(checkMergeFields('{firstName}{firstName}', allowed).uses).toEqual([
      { name: 'firstName', start: 0, end: 11 },
      { name: 'firstName', start: 11, end: 22 },
    ]);
  });
});
