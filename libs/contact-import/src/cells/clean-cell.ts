const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;

/**
 * A cell's value as the person meant it: trimmed, and Excel's `="0123"`
 * (written to keep leading zeros) unwrapped to `0123`. csv-parse has already
 * turned the quoted form `"=""0123"""` into `="0123"`.
 */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  const trimmed = raw.trim();
  if (trimmed.charCodeAt(0) !== 0x3d /* = */) return trimmed;
  const match = EXCEL_TEXT_FORMULA.exec(trimmed);
  return match ? match[1]!.replace(/""/g, '"').trim() : trimmed;
}
