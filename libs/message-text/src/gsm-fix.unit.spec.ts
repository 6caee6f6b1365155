import { describe, expect, it } from 'vitest';
import { fixForGsm } from './gsm-fix.js';
import { measureText } from './measure-text.js';

describe('the one-click GSM-7 fix', () => {
  it.each([
    ['It\u2019s \u201Cfree\u201D', 'It\'s "free"'],
    ['\u2018single\u2019 \u201Alow\u201B', "'single' 'low'"],
    ['9\u201310 \u2014 or \u2012 \u2015 \u2212 \u2010 \u2011', '9-10 - or - - - - -'],
    ['Wait\u2026', 'Wait...'],
    ['a\u00A0b\u2009c\u202Fd\u3000e\u2002f\u205Fg\u1680h', 'a b c d e f g h'],
    ['\u00ABoui\u00BB', '"oui"'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('%j becomes %j', (input, output) => {
    expect(fixForGsm(input).text).toBe(output);
  });

  it('says what changed where, in the original text', () => {
    expect(fixForGsm('\u201CHi\u201D\u2026 ok\u2014').changes).toEqual([
      { from: '\u201C', to: '"', start: 0, end: 1 },
      { from: '\u201D', to: '"', start: 3, end: 4 },
      { from: '\u2026', to: '...', start: 4, end: 5 },
      { from: '\u2014', to: '-', start: 8, end: 9 },
    ]);
  });

  it('leaves what it cannot replace (emoji, other scripts) for the author', () => {
    const { text, changes } = fixForGsm('Don\u2019t forget \u{1F5F3}\uFE0F, \u043F\u0440\u0438\u0432\u0435\u0442');
    expect(text).toBe('Don\'t forget \u{1F5F3}\uFE0F, \u043F\u0440\u0438\u0432\u0435\u0442');
    expect(changes).toHaveLength(1);
  });

  it('turns a UCS-2 text back into GSM-7 when look-alikes were all it had', () => {
    const typed = 'Hi {firstName}, it\u2019s Sam \u2014 can you vote Tuesday\u2026?\u00A0\u201CYes\u201D or \u201CNo\u201D';
    expect(measureText(typed).encoding).toBe('UCS-2');
    expect(measureText(fixForGsm(typed).text).encoding).toBe('GSM-7');
  });
});
