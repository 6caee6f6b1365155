import { SegmentedMessage } from 'sms-segments-calculator';
import type { TextSpan } from './merge-fields.js';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface Ucs2Character extends TextSpan {
  readonly character: string;
}

export interface TextMeasure {
  readonly encoding: SmsEncoding;
  /**
   * What counts against the segment limits: GSM-7 septets (an extension-table
   * character such as € [ ] { } ^ ~ | \ counts 2), or UTF-16 code units in
   * UCS-2 (an emoji outside the BMP counts 2).
   */
  readonly characters: number;
  readonly segments: number;
  /** 160 / 70 for one segment, 153 / 67 per part once split (the rest of each part is the concatenation header). */
  readonly charactersPerSegment: number;
  /** The characters that make the whole text UCS-2, with where they are. */
  readonly ucs2Characters: readonly Ucs2Character[];
}

export const SEGMENT_LIMITS = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const satisfies Record<SmsEncoding, { single: number; multipart: number }>;

/**
 * Encoding, length and segments as Twilio counts them, by Twilio's own
 * calculator (sms-segments-calculator): it packs whole characters (a
 * surrogate pair, an escape and its extension character, an emoji sequence)
 * into one segment, never across two, as carriers do. Checked against
 * hand-computed cases and 3GPP TS 23.038's alphabet in measure-text.unit.spec.ts.
 */
export function measureText(text: string): TextMeasure {
  if (text === '') return { encoding: 'GSM-7', characters: 0, segments: 0, charactersPerSegment: 160, ucs2Characters: [] };
  return ONE_SEPTET_EACH.test(text) ? measureOneSeptetEach(text) : measureByCalculator(text);
}

/**
 * GSM-7's default alphabet but the carriage return (CR LF is one grapheme the
 * calculator keeps in one part): one septet per UTF-16 unit, nothing to keep
 * together, so the count is plain arithmetic. Most scripts rendered for a
 * contact are such text; the calculator splits graphemes and packs parts,
 * about 50 times slower. measure-text.unit.spec.ts checks both agree.
 */
const ONE_SEPTET_EACH = /^[@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

function measureOneSeptetEach(text: string): TextMeasure {
  const { single, multipart } = SEGMENT_LIMITS['GSM-7'];
  const segments = text.length <= single ? 1 : Math.ceil(text.length / multipart);
  return { encoding: 'GSM-7', characters: text.length, segments, charactersPerSegment: segments > 1 ? multipart : single, ucs2Characters: [] };
}

/** Twilio's calculator, for any text. */
export function measureByCalculator(text: string): TextMeasure {
  if (text === '') return { encoding: 'GSM-7', characters: 0, segments: 0, charactersPerSegment: 160, ucs2Characters: [] };
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName;
  const ucs2Characters: Ucs2Character[] = [];
  let offset = 0;
  let septets = 0;
  for (const char of message.encodedChars) {
    if (!char.isGSM7) ucs2Characters.push({ character: char.raw, start: offset, end: offset + char.raw.length });
    else septets += char.codeUnits.length;
    offset += char.raw.length;
  }
  const segments = message.segmentsCount;
  const limits = SEGMENT_LIMITS[encoding];
  return {
    encoding,
    characters: encoding === 'GSM-7' ? septets : text.length,
    segments,
    charactersPerSegment: segments > 1 ? limits.multipart : limits.single,
    ucs2Characters,
  };
}
