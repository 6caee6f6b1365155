export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
const LINES_LOOKED_AT = 10;

/**
 * The delimiter of a CSV from its first lines: the candidate that appears
 * (outside quotes) on the header line and the same number of times on most of
 * the following lines. Ties go to the comma, then semicolon, then tab.
 */
export function sniffDelimiter(head: string): Delimiter {
  const lines = firstLines(head, LINES_LOOKED_AT);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const headerCount = counts[0] ?? 0;
    if (headerCount === 0) continue;
    const consistent = counts.slice(1).filter((count) => count === headerCount).length;
    const score = (consistent + 1) * 1_000 + headerCount;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Lines of the head, joining a quoted field's line breaks into its line; blank lines skipped. */
function firstLines(head: string, wanted: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < head.length && lines.length < wanted; i++) {
    const char = head[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      const line = head.slice(start, i);
      if (line.trim() !== '') lines.push(line);
      start = i + 1;
    }
  }
  // the last line of a head cut mid-file is incomplete: count it only if it is all we have
  if (lines.length === 0 && head.slice(start).trim() !== '') lines.push(head.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: Delimiter): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
  }
  return count;
}
