import type { SampleContact, ScriptPreview, ScriptView } from '@textbank/contracts';
import { BUILT_IN_MERGE_FIELDS, measureText, mergeValues, renderScript } from '@textbank/message-text';

/**
 * Until real contacts can be picked: one contact with every field filled
 * (a custom field reads as its own name, "polling place") and one with every
 * field empty, which shows what the text says then.
 */
export function defaultSampleContacts(allowedFields: readonly string[]): SampleContact[] {
  const custom = allowedFields.filter((name) => !(BUILT_IN_MERGE_FIELDS as readonly string[]).includes(name));
  return [
    { firstName: 'Maria', lastName: 'Lopez', customFields: Object.fromEntries(custom.map((name) => [name, name.replace(/_/g, ' ')])) },
    { firstName: '', lastName: '', customFields: {} },
  ];
}

/** Every variant of the script rendered for every sample contact, with its length and encoding. */
export function previewScript(script: ScriptView, contacts: readonly SampleContact[], texterFirstName: string): ScriptPreview {
  const previews = script.variants.flatMap((variant) =>
    contacts.map((contact) => {
      const { text, emptyFields } = renderScript(variant.body, mergeValues(contact, { firstName: texterFirstName }));
      const measure = measureText(text);
      return { variantId: variant.variantId, contact, text, emptyFields: [...emptyFields], measure: { ...measure, ucs2Characters: [...measure.ucs2Characters] } };
    }),
  );
  return { version: script.version, previews };
}
