import type { ApiError } from '@textbank/contracts';
import { plainEnding, plainProblem } from './plain-words';

/** Error message per field path (`name`, `textingHours.end`); the first issue for a path wins. */
export type FieldErrors = Readonly<Record<string, string>>;

export interface PlacedErrors {
  fields: FieldErrors;
  /** Messages no field on the form can show; the form lists them at the top so none is lost. */
  others: string[];
}

/** Splits a 400's issues between the form's fields and a form-level list. */
export function placeErrors(error: ApiError, fieldPaths: readonly string[]): PlacedErrors {
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const issue of error.issues ?? []) {
    const path = fieldPaths.includes(issue.path) ? issue.path : fieldPaths.find((field) => field.startsWith(`${issue.path}.`));
    if (path === undefined) others.push(plainProblem(issue.message));
    else fields[path] ??= issue.message;
  }
  if (others.length === 0 && Object.keys(fields).length === 0) others.push(plainProblem(error.message));
  return { fields, others };
}

/**
 * Contract messages are fragments written to follow the field's name
 * ("is required", "must be HH:MM"); others ("start must be before end") stand alone.
 * zod's own messages ("Invalid input: expected number…") become plain fragments first.
 */
export function fieldMessage(label: string, raw: string): string {
  const message = plainEnding(raw) ?? raw;
  if (/^(is|must|should|cannot)\b/.test(message)) return `${label} ${message}.`.replace(/\.\.$/, '.');
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
}
