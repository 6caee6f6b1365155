import type { Locator, Page } from 'playwright-core';

/**
 * The few browser globals these checks use. The API's tsconfig has no DOM
 * types (and should not get them for the sake of tests); the functions below
 * run in the page, where these exist.
 */
interface InPage {
  document: { activeElement: { id: string; textContent: string | null } | null; documentElement: { scrollHeight: number }; body: unknown };
  getComputedStyle(element: unknown): { getPropertyValue(name: string): string; borderTopColor: string; backgroundColor: string };
}
interface Nested {
  parentElement: Nested | null;
}

/** The text of whatever has the keyboard focus, trimmed; '' when nothing does. */
export const focusedText = (page: Page) => page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.textContent?.trim() ?? '');

export const focusedId = (page: Page) => page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id ?? '');

/** The whole page's height in CSS pixels. */
export const pageHeight = (page: Page) => page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollHeight);

/** One computed CSS property of the element. */
export const computedStyle = (locator: Locator, property: string) =>
  locator.evaluate((element, name) => (globalThis as unknown as InPage).getComputedStyle(element).getPropertyValue(name), property);

/** WCAG contrast between the element's top border and the first opaque background behind it, as Chromium paints them. */
export const borderContrast = (locator: Locator) =>
  locator.evaluate((element) => {
    const page = globalThis as unknown as InPage;
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: number[]) =>
      c.map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    let ground = (element as unknown as Nested).parentElement;
    while (ground && page.getComputedStyle(ground).backgroundColor === 'rgba(0, 0, 0, 0)') ground = ground.parentElement;
    const [a, b] = [lum(rgb(page.getComputedStyle(element).borderTopColor)), lum(rgb(page.getComputedStyle(ground ?? page.document.body).backgroundColor))].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
