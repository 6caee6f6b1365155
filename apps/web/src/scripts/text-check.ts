import { checkMergeFields, measureText, type TextMeasure } from '@textbank/message-text';

/** A run of the text, marked when its characters force UCS-2, for the highlighted copy under the box. */
export interface TextPiece {
  text: string;
  ucs2: boolean;
}

export interface TextCheck {
  measure: TextMeasure;
  pieces: TextPiece[];
  /** Each character that forces UCS-2, once, in order of first appearance. */
  ucs2Characters: string[];
  /** Merge-field problems in words, before the server is asked. */
  fieldProblems: string[];
}

/**
 * What the author should know while typing: length and encoding of the text
 * as written (merge fields counted as typed; the preview counts each contact's
 * own text), the characters that make it UCS-2, and fields the campaign lacks.
 */
export function checkText(body: string, allowedFields: readonly string[]): TextCheck {
  const measure = measureText(body);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of measure.ucs2Characters) {
    if (span.start > at) pieces.push({ text: body.slice(at, span.start), ucs2: false });
    const last = pieces.at(-1);
    if (last?.ucs2 && span.start === at) last.text += span.character;
    else pieces.push({ text: span.character, ucs2: true });
    at = span.end;
  }
  if (at < body.length) pieces.push({ text: body.slice(at), ucs2: false });
  const fields = checkMergeFields(body, allowedFields);
  const fieldProblems = [
    ...fields.unknown.map((use) => {
      const where = `at characters ${use.start + 1}-${use.end}`;
      const hint = use.suggestion ? `: did you mean {${use.suggestion}}?` : ': this campaign’s contacts have no such column';
      return `Unknown merge field {${use.name}} ${where}${hint}`;
    }),
    ...fields.mistakes.map((mistake) => `${mistake.message} (at character ${mistake.start + 1})`),
  ];
  return { measure, pieces, ucs2Characters: [...new Set(measure.ucs2Characters.map((span) => span.character))], fieldProblems };
}

/** "1 segment", "3 segments · 67 characters each". */
export function segmentWords(measure: TextMeasure): string {
  if (measure.segments <= 1) return `${measure.segments} ${measure.segments === 1 ? 'segment' : 'segments'}`;
  return `${measure.segments} segments · ${measure.charactersPerSegment} characters each`;
}

/** How a character that forces UCS-2 is shown: itself, or its name when it is invisible. */
export function characterLabel(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (/^\s$/u.test(character)) return `space U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return character;
}
