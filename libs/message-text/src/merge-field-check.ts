import { BUILT_IN_MERGE_FIELDS, parseScript, type BraceMistake, type MergeFieldUse } from './merge-fields.js';

export interface UnknownMergeField extends MergeFieldUse {
  /** A known field that differs only in case (`{FirstName}` → `firstName`), when there is one. */
  readonly suggestion?: string;
}

export interface MergeFieldCheck {
  /** Every use of a field, in order. */
  readonly uses: readonly MergeFieldUse[];
  readonly unknown: readonly UnknownMergeField[];
  readonly mistakes: readonly BraceMistake[];
  readonly ok: boolean;
}

/** The fields a campaign's texts may use: the built-ins and the custom fields of its contact uploads. */
export const allowedMergeFields = (customFields: readonly string[]): string[] => [...new Set([...BUILT_IN_MERGE_FIELDS, ...customFields])];

/**
 * Checks a script against the fields a campaign has: an unknown field is an
 * error when the script is saved, not a blank in a text already sent.
 */
export function checkMergeFields(body: string, allowed: readonly string[]): MergeFieldCheck {
  const known = new Set(allowed);
  const parsed = parseScript(body);
  const uses = parsed.parts.flatMap((part) => (part.kind === 'field' ? [{ name: part.name, start: part.start, end: part.end }] : []));
  const unknown = uses
    .filter((use) => !known.has(use.name))
    .map((use) => {
      const suggestion = allowed.find((name) => name.toLowerCase() === use.name.toLowerCase());
      return suggestion ? { ...use, suggestion } : use;
    });
  return { uses, unknown, mistakes: parsed.mistakes, ok: unknown.length === 0 && parsed.mistakes.length === 0 };
}
