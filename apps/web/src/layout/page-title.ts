/**
 * The browser tab's title: the screen first (what the tab is about), then the
 * organization, then the app, so a row of Textbank tabs can be told apart.
 */
export function pageTitle(screen: string, organization?: string): string {
  return [screen, organization, 'Textbank'].filter((part) => part && part.trim()).join(' · ');
}

/** Sets the tab's title while a screen is shown; call from inside an $effect. */
export function showPageTitle(screen: string, organization?: string): void {
  if (typeof document !== 'undefined') document.title = pageTitle(screen, organization);
}
