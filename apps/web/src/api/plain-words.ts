/**
 * zod's built-in messages ("Invalid input: expected number, received string")
 * are written for developers. Contract schemas give their own words for what
 * people type; these rules catch the rest, so nobody reads a type name.
 * Each returns the end of a sentence that follows the field's label.
 */
const RULES: ReadonlyArray<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^Invalid input: expected \w+, received (undefined|null)$/, () => 'is required'],
  [/^Invalid input: expected int, received number$/, () => 'must be a whole number'],
  [/^Invalid input: expected (number|int|integer|bigint)\b/, () => 'must be a number'],
  [/^Invalid input: expected (string)\b/, () => 'must be text'],
  [/^Invalid input: expected (boolean)\b/, () => 'must be yes or no'],
  [/^Invalid input: expected (array|object|record|map|set)\b/, () => 'is not filled in the way the form expects'],
  [/^Invalid (option|enum value)\b/, () => 'must be one of the choices offered'],
  [/^Too small: expected string to have >=?\s*1 characters?$/, () => 'is required'],
  [/^Too small: expected string to have >=?\s*(\d+) characters?$/, (m) => `must be at least ${m[1]} characters`],
  [/^Too big: expected string to have <=?\s*(\d+) characters?$/, (m) => `must be at most ${m[1]} characters`],
  [/^Too small: expected number to be >=?\s*(-?[\d.]+)$/, (m) => `must be at least ${m[1]}`],
  [/^Too big: expected number to be <=?\s*(-?[\d.]+)$/, (m) => `must be at most ${m[1]}`],
  [/^Too small: expected array to have >=?\s*(\d+) items?$/, (m) => `needs at least ${m[1]}`],
  [/^Invalid (email|e-mail)( address)?$/i, () => 'must be an email address'],
  [/^Invalid (UUID|GUID)$/i, () => 'must be picked from the list'],
  [/^Invalid (ISO )?(datetime|date|time)\b/i, () => 'must be a date and time'],
  [/^Invalid (URL|url)$/, () => 'must be a web address'],
  [/^Invalid (string|input)(: .*)?$/, () => 'is not valid'],
];

/** The plain ending for a zod built-in message, or null when the message is already the contract's own words. */
export function plainEnding(message: string): string | null {
  for (const [pattern, words] of RULES) {
    const match = message.match(pattern);
    if (match) return words(match);
  }
  return null;
}

/**
 * A problem no field shows (listed at the top of a form), in words.
 * Unknown keys mean this page is older than the server: reloading fixes it.
 */
export function plainProblem(message: string): string {
  if (/^Unrecognized key/i.test(message)) return 'This page is out of date with the server. Reload the page, then try again.';
  const ending = plainEnding(message);
  if (ending) return `Something in the form ${ending}.`;
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
}
