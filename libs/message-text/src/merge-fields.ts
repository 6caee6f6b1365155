/**
 * Merge fields: `{firstName}` is replaced per contact when a text is sent.
 * A field is an identifier in braces (a letter or `_`, then letters, digits
 * or `_`). Braces are reserved for fields, so a literal brace is written
 * twice: `{{` for `{` and `}}` for `}`. Anything else with a brace (`{ first
 * name }`, a lone `{` or `}`) is a mistake the author should see, never text
 * that goes out to thousands of people as typed.
 */
export const BUILT_IN_MERGE_FIELDS = ['firstName', 'lastName', 'texterFirstName'] as const;
export type BuiltInMergeField = (typeof BUILT_IN_MERGE_FIELDS)[number];

/** Where something sits in the text: UTF-16 offsets, `end` exclusive, braces included. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface MergeFieldUse extends TextSpan {
  readonly name: string;
}

export interface BraceMistake extends TextSpan {
  readonly message: string;
}

export type ScriptPart = { readonly kind: 'text'; readonly text: string } | ({ readonly kind: 'field' } & MergeFieldUse);

export interface ParsedScript {
  readonly parts: readonly ScriptPart[];
  readonly mistakes: readonly BraceMistake[];
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;
export const isMergeFieldName = (name: string) => IDENTIFIER.test(name);

const FIELD_OR_BRACE = /\{\{|\}\}|\{([^{}\n]*)\}|[{}]/gu;

export function parseScript(body: string): ParsedScript {
  const parts: ScriptPart[] = [];
  const mistakes: BraceMistake[] = [];
  let text = '';
  let last = 0;
  for (const match of body.matchAll(FIELD_OR_BRACE)) {
    const start = match.index;
    const end = start + match[0].length;
    text += body.slice(last, start);
    last = end;
    if (match[0] === '{{' || match[0] === '}}') {
      text += match[0][0];
      continue;
    }
    const name = match[1];
    if (name !== undefined && isMergeFieldName(name)) {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'field', name, start, end });
      continue;
    }
    text += match[0];
    mistakes.push({ start, end, message: braceMistake(match[0], name) });
  }
  text += body.slice(last);
  if (text) parts.push({ kind: 'text', text });
  return { parts, mistakes };
}

function braceMistake(found: string, name: string | undefined): string {
  if (name === undefined) return `A lone "${found}": write ${found}${found} for a literal brace`;
  if (name.trim() === '') return 'An empty merge field "{}": name a field, or write {{ and }} for literal braces';
  return `"${found}" is not a merge field: a field name has letters, digits and _ only (like {polling_place}); write {{ and }} for literal braces`;
}

/** The fields a script uses, each once, in order of first use. */
export function mergeFieldsOf(body: string): string[] {
  const names = parseScript(body).parts.flatMap((part) => (part.kind === 'field' ? [part.name] : []));
  return [...new Set(names)];
}
