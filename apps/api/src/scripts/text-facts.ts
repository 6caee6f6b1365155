import type { TextFacts } from '@textbank/domain';
import { measureText, parseScript } from '@textbank/message-text';

/** Measures a text for the deciders, which hold the rules but not the parser (the domain takes no packages). */
export function textFactsOf(body: string): TextFacts {
  const { parts, mistakes } = parseScript(body);
  return {
    mergeFields: parts.flatMap((part) => (part.kind === 'field' ? [{ name: part.name, start: part.start, end: part.end }] : [])),
    braceMistakes: mistakes.map(({ start, end, message }) => ({ start, end, message })),
    segments: measureText(body).segments,
  };
}
