/**
 * The form two tag names are compared in: "Wrong number" and "WRONG NUMBER"
 * are one name. Upper then lower case folds what lower case alone misses
 * ("Straße" and "STRASSE"); names arrive NFC-normalised and trimmed.
 */
export const tagNameKey = (name: string) => name.normalize('NFC').toUpperCase().toLowerCase();
