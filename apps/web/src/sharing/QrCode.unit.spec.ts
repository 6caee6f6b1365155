import { render } from 'svelte/server';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import QrCode from './QrCode.svelte';
import { darkRuns } from './qr-runs';

const rects = (html: string) =>
  [...html.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]) }));

describe('QrCode', () => {
  it('draws a 21-module version-1 code inside a four-module quiet zone: a 29 by 29 picture', () => {
    const { body } = render(QrCode, { props: { text: 'hello', label: 'QR code' } });
    expect(body).toContain('viewBox="0 0 29 29"');
    expect(body).toContain('<rect width="29" height="29" fill="#ffffff">');
    for (const rect of rects(body)) {
      expect(rect.x).toBeGreaterThanOrEqual(4);
      expect(rect.x + rect.width).toBeLessThanOrEqual(25);
      expect(rect.y).toBeGreaterThanOrEqual(4);
      expect(rect.y).toBeLessThan(25);
    }
  });

  it('draws exactly the dark modules of the encoded link, and is named for screen readers', () => {
    const link = 'https://text.example.org/#/join/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    const code = encode(link, { ecc: 'M', border: 4 });
    const { body } = render(QrCode, { props: { text: link, label: 'QR code of the link' } });
    expect(body).toContain(`viewBox="0 0 ${code.size} ${code.size}"`);
    expect(code.size).toBeGreaterThan(29);
    const dark = code.data.flat().filter(Boolean).length;
    expect(rects(body).reduce((sum, rect) => sum + rect.width, 0)).toBe(dark);
    expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-label="QR code of the link"/);
  });
});

describe('darkRuns', () => {
  it('joins neighbouring dark modules of a row, ending runs at light modules and at the row end', () => {
    expect(
      darkRuns([
        [true, true, false, true],
        [false, false, false, false],
        [false, true, true, true],
      ]),
    ).toEqual([
      { x: 0, y: 0, width: 2 },
      { x: 3, y: 0, width: 1 },
      { x: 1, y: 2, width: 3 },
    ]);
  });
});
