import { z } from 'zod';

/** Positions in the event log travel as decimal strings (they are 64-bit). */
const MAX_POSITION = 2n ** 63n - 1n;
export const PositionText = z
  .string()
  .regex(/^\d{1,19}$/, 'must be a decimal position')
  .refine((text) => !/^\d{1,19}$/.test(text) || BigInt(text) <= MAX_POSITION, 'must be at most 2^63-1');

export const Email = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address'));

export const PASSWORD_RULE = 'at least 12 characters, at most 200';
export const Password = z.string().min(12, `must be ${PASSWORD_RULE}`).max(200, `must be ${PASSWORD_RULE}`);

/** Zero-width characters that carry meaning inside a word or an emoji: joiners, variation selectors, Mongolian forms, emoji tags. */
const VISIBLE_BEFORE = '(?<=[^\\s\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}])';
const VISIBLE_AFTER = '(?=[^\\s\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}])';
const ATTACHED_SELECTORS = new RegExp(`${VISIBLE_BEFORE}[\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}\\u180B-\\u180D\\u180F]+`, 'gu');
const EMOJI_TAGS = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const INNER_JOINERS = new RegExp(`${VISIBLE_BEFORE}[\\u200C\\u200D]${VISIBLE_AFTER}`, 'gu');
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** Direction overrides and isolates (U+202A-202E, U+2066-2069) are format characters too: they make text read differently than it is stored. */
function hasInvisibleCharacters(text: string): boolean {
  const meaningful = text.replace(EMOJI_TAGS, '\u{1F3F4}').replace(ATTACHED_SELECTORS, '').replace(INNER_JOINERS, '');
  return INVISIBLE.test(meaningful);
}

const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE = /(?!\n)\p{Cc}/u;

function normalised(text: string, multiline: boolean): string {
  const collapse = (line: string) => line.replace(/\s+/g, ' ').trim();
  const nfc = text.normalize('NFC');
  if (!multiline) return collapse(nfc);
  return nfc
    .split(/\r\n|\r|\n/)
    .map(collapse)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Text people type for other people to read (names, titles, descriptions):
 * NFC, trimmed, inner whitespace runs collapsed to one space (multi-line
 * text keeps its line breaks, at most one blank line). Control characters,
 * lone surrogates and invisible format characters are refused, not removed,
 * so nobody's name is silently changed into something they did not type.
 */
export function humanText({ max, min = 1, multiline = false }: { max: number; min?: number; multiline?: boolean }) {
  const text = z
    .string()
    .overwrite((raw) => normalised(raw, multiline))
    .refine((t) => !LONE_SURROGATE.test(t), 'must not contain broken characters (lone surrogates)')
    .refine((t) => !(multiline ? CONTROL_BUT_NEWLINE : CONTROL).test(t), 'must not contain control characters')
    .refine((t) => !hasInvisibleCharacters(t), 'must not contain invisible or text-direction characters')
    .max(max, `must be at most ${max} characters`);
  return min > 0 ? text.min(min, min === 1 ? 'is required' : `must be at least ${min} characters`) : text;
}

export const PersonName = humanText({ max: 100 });

export const Actor = z.object({ id: z.string(), kind: z.enum(['person', 'system']), name: z.string().optional() });
export type Actor = z.infer<typeof Actor>;
