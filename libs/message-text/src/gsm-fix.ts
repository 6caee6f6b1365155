import type { TextSpan } from './merge-fields.js';

export interface GsmFixChange extends TextSpan {
  /** The character that was there (start/end are offsets in the text before the fix). */
  readonly from: string;
  readonly to: string;
}

export interface GsmFix {
  readonly text: string;
  readonly changes: readonly GsmFixChange[];
}

/**
 * Look-alikes word processors put in (curly quotes, long dashes, odd spaces,
 * the ellipsis character): each one alone turns a whole text into UCS-2,
 * 70 characters a segment instead of 160. Each has a plain GSM-7 twin.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′ prime
  '\u02BC': "'", // ʼ modifier apostrophe
  '\u00B4': "'", // ´ acute accent typed as an apostrophe
  '\u0060': "'", // ` grave accent (not in GSM-7)
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u2033': '"', // ″ double prime
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2010': '-', // ‐ hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // ‒ figure dash
  '\u2013': '-', // – en dash
  '\u2014': '-', // — em dash
  '\u2015': '-', // ― horizontal bar
  '\u2212': '-', // − minus
  '\u2026': '...', // … ellipsis
  '\u00A0': ' ', // no-break space
  '\u1680': ' ',
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ', // narrow no-break space
  '\u205F': ' ',
  '\u3000': ' ', // ideographic space
};

const REPLACEABLE = new RegExp(`[${Object.keys(REPLACEMENTS).join('')}]`, 'gu');

/** The one-click fix: every look-alike replaced by its GSM-7 twin, and what changed where. */
export function fixForGsm(text: string): GsmFix {
  const changes: GsmFixChange[] = [];
  const fixed = text.replace(REPLACEABLE, (from, start: number) => {
    const to = REPLACEMENTS[from]!;
    changes.push({ from, to, start, end: start + from.length });
    return to;
  });
  return { text: fixed, changes };
}
