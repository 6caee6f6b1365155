/** The event's data as stored, indented; nothing rather than "undefined" for events without data. */
export function prettyJson(data: unknown): string {
  return JSON.stringify(data, null, 2) ?? '';
}
