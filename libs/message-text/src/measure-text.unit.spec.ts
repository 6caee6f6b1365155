import { describe, expect, it } from 'vitest';
import { measureByCalculator, measureText } from './measure-text.js';

/** 3GPP TS 23.038, 6.2.1: the GSM 7-bit default alphabet (0x1B, the escape, left out) and its extension table (escape + one septet). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const a = (n: number) => 'a'.repeat(n);
const emoji = '\u{1F600}'; // 😀: one surrogate pair, 2 UCS-2 code units
const zhe = '\u0436'; // ж: BMP, not GSM-7

describe('measuring a text', () => {
  it.each([
    // [name, text, encoding, characters, segments, per segment]
    ['empty', '', 'GSM-7', 0, 0, 160],
    ['one letter', 'a', 'GSM-7', 1, 1, 160],
    ['160 GSM-7', a(160), 'GSM-7', 160, 1, 160],
    ['161 GSM-7', a(161), 'GSM-7', 161, 2, 153],
    ['153·2 GSM-7', a(306), 'GSM-7', 306, 2, 153],
    ['153·2+1 GSM-7', a(307), 'GSM-7', 307, 3, 153],
    ['153·10 GSM-7', a(1530), 'GSM-7', 1530, 10, 153],
    ['153·10+1 GSM-7', a(1531), 'GSM-7', 1531, 11, 153],
    ['80 euro signs fill one segment', '€'.repeat(80), 'GSM-7', 160, 1, 160],
    ['81 euro signs need two', '€'.repeat(81), 'GSM-7', 162, 2, 153],
    ['159 + one extension char', a(159) + '[', 'GSM-7', 161, 2, 153],
    ['an extension pair is not split: 152 + { fills part one', a(152) + '{' + a(153), 'GSM-7', 307, 3, 153],
    ['every extension char counts 2', '€[]{}^~|\\\f', 'GSM-7', 20, 1, 160],
    ['GSM-7 letters with accents', 'Ça va? Ñandu, Müller, Øre, ß, à ìò é', 'GSM-7', 36, 1, 160],
    ['line breaks are GSM-7', 'a\nb\r\nc', 'GSM-7', 6, 1, 160],
    ['70 UCS-2', zhe.repeat(70), 'UCS-2', 70, 1, 70],
    ['71 UCS-2', zhe.repeat(71), 'UCS-2', 71, 2, 67],
    ['67·2 UCS-2', zhe.repeat(134), 'UCS-2', 134, 2, 67],
    ['67·2+1 UCS-2', zhe.repeat(135), 'UCS-2', 135, 3, 67],
    ['one curly quote makes 160 letters UCS-2', a(159) + '\u2019', 'UCS-2', 160, 3, 67],
    ['35 emoji are 70 code units', emoji.repeat(35), 'UCS-2', 70, 1, 70],
    ['36 emoji are 72 code units', emoji.repeat(36), 'UCS-2', 72, 2, 67],
    ['a surrogate pair is not split: 66 emoji fit two parts', emoji.repeat(66), 'UCS-2', 132, 2, 67],
    ['67 emoji (134 units) need three parts of 66', emoji.repeat(67), 'UCS-2', 134, 3, 67],
    ['69 + emoji straddles the limit', zhe.repeat(69) + emoji, 'UCS-2', 71, 2, 67],
    ['a combining accent is UCS-2 (precomposed é is GSM-7)', 'cafe\u0301', 'UCS-2', 5, 1, 70],
    ['extension chars count 1 in UCS-2', '€{}' + zhe, 'UCS-2', 4, 1, 70],
    ['a ZWJ family emoji is 11 code units', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}', 'UCS-2', 11, 1, 70],
  ] as const)('%s', (_name, text, encoding, characters, segments, perSegment) => {
    expect(measureText(text)).toMatchObject({ encoding, characters, segments, charactersPerSegment: perSegment });
  });

  it.each([
    ['Hi \u{1F600}!', [{ character: '\u{1F600}', start: 3, end: 5 }]],
    ['It\u2019s \u201Cok\u201D', [{ character: '\u2019', start: 2, end: 3 }, { character: '\u201C', start: 5, end: 6 }, { character: '\u201D', start: 8, end: 9 }]],
    ['cafe\u0301 \u0436', [{ character: 'e\u0301', start: 3, end: 5 }, { character: '\u0436', start: 6, end: 7 }]],
    ['a\u00A0b', [{ character: '\u00A0', start: 1, end: 2 }]],
    ['plain € [text]', []],
  ])('%j is UCS-2 because of %j', (text, forcing) => {
    expect(measureText(text).ucs2Characters).toEqual(forcing);
  });

  it("agrees with 3GPP TS 23.038's alphabet on every character of the BMP", () => {
    const disagreements: string[] = [];
    for (let code = 1; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      const expected = GSM_BASIC.includes(character) ? 1 : GSM_EXTENSION.includes(character) ? 2 : 'UCS-2';
      const measured = measureText(character);
      const actual = measured.encoding === 'GSM-7' ? measured.characters : 'UCS-2';
      if (actual !== expected) disagreements.push(`U+${code.toString(16).padStart(4, '0')}: ${actual}, spec ${expected}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('the quick count for one-septet text agrees with the calculator, lengths 0 to 1,700 around every part boundary', () => {
    const alphabet = [...GSM_BASIC.replace('\r', '')];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lengths = [...Array.from({ length: 12 }, (_, parts) => [153 * parts - 1, 153 * parts, 153 * parts + 1]).flat(), 159, 160, 161, 0, 1];
    for (let i = 0; i < 300; i++) lengths.push(Math.floor(random() * 1700));
    const disagreements = lengths
      .filter((length) => length >= 0)
      .map((length) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))
      .filter((text) => JSON.stringify(measureText(text)) !== JSON.stringify(measureByCalculator(text)));
    expect(disagreements).toEqual([]);
  });
});
