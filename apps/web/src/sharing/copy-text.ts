/**
 * Puts text on the clipboard. False when the browser offers no clipboard
 * (plain-http pages) or refuses; the caller then selects the text for a manual copy.
 */
export async function copyText(text: string, clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
