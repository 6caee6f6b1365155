import { BUILT_IN_MERGE_FIELDS, measureText, mergeValues, renderScript, type TextMeasure } from '@textbank/message-text';
import type { SampleContact, ScriptPreview } from '@textbank/contracts';

export interface SampleRendering {
  /** Who the text is for: a name, or what makes the contact a test of the script. */
  who: string;
  text: string;
  /** Fields that rendered as nothing for this contact. */
  emptyFields: readonly string[];
  measure: TextMeasure;
}

/** The server's sample contacts, each once; before a script is saved it has rendered none, so the same two it would use. */
export function sampleContactsOf(preview: ScriptPreview | null, allowedFields: readonly string[]): SampleContact[] {
  const seen = new Map<string, SampleContact>();
  for (const item of preview?.previews ?? []) seen.set(JSON.stringify(item.contact), item.contact);
  if (seen.size > 0) return [...seen.values()];
  const custom = allowedFields.filter((name) => !(BUILT_IN_MERGE_FIELDS as readonly string[]).includes(name));
  return [
    { firstName: 'Maria', lastName: 'Lopez', customFields: Object.fromEntries(custom.map((name) => [name, name.replace(/_/g, ' ')])) },
    { firstName: '', lastName: '', customFields: {} },
  ];
}

/** The text as typed, rendered for each sample contact by the same library the server renders with. */
export function renderSamples(body: string, contacts: readonly SampleContact[], texterFirstName: string): SampleRendering[] {
  return contacts.map((contact) => {
    const { text, emptyFields } = renderScript(body, mergeValues(contact, { firstName: texterFirstName }));
    return { who: whoIs(contact), text, emptyFields, measure: measureText(text) };
  });
}

function whoIs(contact: SampleContact): string {
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const filled = Object.values(contact.customFields).some((value) => value.trim() !== '');
  if (!name && !filled) return 'A contact with every field empty';
  return name || 'A contact without a name';
}
