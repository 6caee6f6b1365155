import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateCampaignRequest, JoinRequest, SetupOrganizationRequest, UpdateCampaignRequest } from './index.js';
import { humanText, PersonName } from './fields.js';

const messagesOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('humanText', () => {
  const name = humanText({ max: 100 });
  const notes = humanText({ max: 2000, min: 0, multiline: true });

  it('normalises to NFC, trims and collapses inner whitespace runs', () => {
    // "e" followed by a combining acute accent becomes the one precomposed letter.
    expect(name.parse('  Rene\u0301e \t  O\u2019Brien\u00a0 ')).toBe('Ren\u00e9e O\u2019Brien');
    expect(name.parse('Ada\nLovelace')).toBe('Ada Lovelace');
  });

  it('keeps line breaks in multi-line text, one blank line at most', () => {
    expect(notes.parse(' Door knocking \r\n\r\n\r\n  Saturday   10am \n')).toBe('Door knocking\n\nSaturday 10am');
    expect(notes.parse('')).toBe('');
  });

  it('refuses NUL and other control characters', () => {
    expect(messagesOf(name, 'Ada\u0000Lovelace')).toEqual(['must not contain control characters']);
    expect(messagesOf(name, 'Ada\u0007')).toEqual(['must not contain control characters']);
    expect(messagesOf(notes, 'line\u0000')).toEqual(['must not contain control characters']);
    expect(messagesOf(name, 'Ada\u0085')).toEqual(['must not contain control characters']);
  });

  it('refuses lone surrogates', () => {
    expect(messagesOf(name, 'Ada\uD800')).toEqual(['must not contain broken characters (lone surrogates)']);
    expect(messagesOf(name, '\uDC00Ada')).toEqual(['must not contain broken characters (lone surrogates)']);
  });

  it('refuses direction overrides, isolates and other invisible format characters', () => {
    const invisible = 'must not contain invisible or text-direction characters';
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200E', '\u00AD', '\u2060', '\u3164', '\u061C']) {
      expect(messagesOf(name, `Ada${c}Lovelace`), `U+${c.codePointAt(0)!.toString(16)}`).toEqual([invisible]);
    }
    expect(messagesOf(name, 'evil\u202Etxt.exe')).toEqual([invisible]);
    // A joiner alone is not a name.
    expect(messagesOf(name, '\u200D')).toEqual([invisible]);
    expect(messagesOf(name, 'Ada \u200D')).toEqual([invisible]);
  });

  it('allows joiners and variation selectors where they make a character: emoji, scripts', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}'; // woman, ZWJ, woman, ZWJ, girl
    expect(name.parse(`Ada ${family}`)).toBe(`Ada ${family}`);
    const couple = '\u{1F469}\u200D\u2764\uFE0F\u200D\u{1F468}';
    expect(name.parse(couple)).toBe(couple);
    expect(name.parse('\u2764\uFE0F Ada')).toBe('\u2764\uFE0F Ada');
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(name.parse(`Ada ${scotland}`)).toBe(`Ada ${scotland}`);
    // Persian: the zero-width non-joiner is part of the spelling.
    expect(name.parse('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toBe('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645');
    // Right-to-left names need no override characters.
    expect(name.parse('\u05D3\u05D5\u05D3')).toBe('\u05D3\u05D5\u05D3');
  });

  it('counts length after normalisation and requires something', () => {
    expect(messagesOf(name, '   ')).toEqual(['is required']);
    expect(messagesOf(name, 'x'.repeat(101))).toEqual(['must be at most 100 characters']);
    expect(name.parse(`${'x'.repeat(100)}   `)).toHaveLength(100);
  });
});

describe('every human-entered text field uses it', () => {
  const bad = 'Ada\u202EecalreveL';
  it('person names, organization names, campaign names and descriptions', () => {
    expect(PersonName.safeParse(bad).success).toBe(false);
    const setup = SetupOrganizationRequest.safeParse({ organizationName: `Union\u0000`, name: bad, email: 'a@b.org', password: 'twelve chars' });
    expect(setup.error?.issues.map((i) => i.path.join('.'))).toEqual(['organizationName', 'name']);
    expect(JoinRequest.safeParse({ name: bad, email: 'a@b.org', password: 'twelve chars' }).error?.issues[0]?.path).toEqual(['name']);
    const create = CreateCampaignRequest.safeParse({ name: bad, description: 'ok\u2066' });
    expect(create.error?.issues.map((i) => i.path.join('.'))).toEqual(['name', 'description']);
    const update = UpdateCampaignRequest.safeParse({ expectedRevision: 0, description: 'x\uD800' });
    expect(update.error?.issues.map((i) => i.path.join('.'))).toEqual(['description']);
    expect(CreateCampaignRequest.parse({ name: ' GOTV   2026 ', description: 'Line one\n\nLine  two' })).toMatchObject({
      name: 'GOTV 2026',
      description: 'Line one\n\nLine two',
    });
  });
});
