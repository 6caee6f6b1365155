import { parseScript } from './merge-fields.js';

/** A contact as a script sees it: names and the custom fields of their upload row. */
export interface MergeContact {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly customFields?: Readonly<Record<string, string | null | undefined>>;
}

export interface MergeTexter {
  readonly firstName?: string | null;
}

export interface RenderedScript {
  readonly text: string;
  /** Fields used whose value was empty or missing: they rendered as nothing, so a preview can show what the text says then. */
  readonly emptyFields: readonly string[];
}

/** The values of every field for one contact and texter; built-ins win over a custom field of the same name. */
export function mergeValues(contact: MergeContact, texter: MergeTexter): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(contact.customFields ?? {})) values[name] = value ?? '';
  values['firstName'] = contact.firstName ?? '';
  values['lastName'] = contact.lastName ?? '';
  values['texterFirstName'] = texter.firstName ?? '';
  return values;
}

/**
 * The text one contact receives. An empty or missing value renders as an
 * empty string (never "undefined", never the field's name) and is reported.
 * Brace mistakes are left as typed: saving refuses them (see checkMergeFields).
 */
export function renderScript(body: string, values: Readonly<Record<string, string>>): RenderedScript {
  const empty = new Set<string>();
  let text = '';
  for (const part of parseScript(body).parts) {
    if (part.kind === 'text') {
      text += part.text;
      continue;
    }
    const value = Object.hasOwn(values, part.name) ? values[part.name]! : '';
    if (value.trim() === '') empty.add(part.name);
    text += value;
  }
  return { text, emptyFields: [...empty] };
}
