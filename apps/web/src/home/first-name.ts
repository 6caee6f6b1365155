/** The name to greet someone by: the first word of what they typed, or all of it when that is one word. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
