/// <reference types="node" />
// Read from disk: Vitest hands CSS imports to tests as empty modules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';

const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8');

/** The custom properties of the first block that opens with `opening` (`:root {` or the dark-scheme media query). */
function themeColours(opening: string): Record<string, string> {
  const start = css.indexOf(opening);
  expect(start, `app.css has ${opening}`).toBeGreaterThanOrEqual(0);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1]!, m[2]!]));
}

const themes = { light: themeColours(':root {'), dark: themeColours('@media (prefers-color-scheme: dark)') };

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, either order', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2952cc', '#2952cc')).toBe(1);
  });

  it('matches a known pair: the old input border, #d9dee7 on white, was about 1.3:1', () => {
    expect(contrastRatio('#d9dee7', '#ffffff')).toBeCloseTo(1.35, 2);
  });
});

describe.each(Object.entries(themes))('the %s theme', (_, colours) => {
  it('draws input and select borders at 3:1 or more against the surface and the page', () => {
    expect(colours['field-border']).toBeDefined();
    expect(contrastRatio(colours['field-border']!, colours.surface!)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colours['field-border']!, colours.page!)).toBeGreaterThanOrEqual(3);
  });

  it('keeps text and muted text readable (4.5:1) on the surface and the page', () => {
    for (const text of ['ink', 'muted', 'danger', 'accent']) {
      for (const ground of ['surface', 'page']) expect(contrastRatio(colours[text]!, colours[ground]!), `${text} on ${ground}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

it('gives inputs, selects and textareas the field border, not the faint divider line', () => {
  const rule = css.match(/input, select, textarea \{[^}]*\}/)?.[0] ?? '';
  expect(rule).toContain('border: 1px solid var(--field-border)');
});
