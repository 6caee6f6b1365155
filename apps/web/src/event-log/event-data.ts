/** One line of JSON for the table cell; long data is cut, the full form is one click away. */
export function compactJson(data: unknown, maxLength = 80): string {
  const text = JSON.stringify(data) ?? '';
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

export function prettyJson(data: unknown): string {
  return JSON.stringify(data, null, 2) ?? '';
}
