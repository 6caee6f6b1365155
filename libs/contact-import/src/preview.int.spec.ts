import { describe, expect, it } from 'vitest';
import { previewOf } from './preview.js';
import { bytesOf, windows1252 } from './test-support.spec-helpers.js';

describe('previewOf', () => {
  it('reads headers, the first 10 rows and guesses the mapping', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `Person${i},202555${String(1000 + i)},02134`).join('\n');
    const preview = await previewOf(bytesOf(`First Name,Phone Number,Zip\n${rows}\n`));
    expect(preview.headers).toEqual(['First Name', 'Phone Number', 'Zip']);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toEqual({ line: 2, cells: ['Person0', '2025551000', '02134'] });
    expect(preview.guessedMapping.columns).toEqual([
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'phone' },
      { kind: 'field', field: 'zip' },
    ]);
  });

  it.each([
    ['UTF-8 with BOM, CRLF', Buffer.from('\uFEFFFirst,Cell\r\nJosé,="2025550123"\r\n'), 'utf-8', ',', ['José', '2025550123']],
    ['Windows-1252, semicolons', windows1252('Prénom;Cell\nRenée “Ré”;2025550123\n'), 'windows-1252', ';', ['Renée “Ré”', '2025550123']],
    ['tabs, quoted newline', Buffer.from('Name\tCell\n"Ana\nMaria"\t2025550123\n'), 'utf-8', '\t', ['Ana\nMaria', '2025550123']],
  ])('%s', async (_, bytes, encoding, delimiter, firstRow) => {
    const preview = await previewOf(bytesOf(bytes, 5));
    expect(preview.encoding.encoding).toBe(encoding);
    expect(preview.delimiter).toBe(delimiter);
    expect(preview.rows[0]!.cells).toEqual(firstRow);
  });

  it('keeps the header of a BOM file clean', async () => {
    const preview = await previewOf(bytesOf('\uFEFFphone\n2025550123\n'));
    expect(preview.headers).toEqual(['phone']);
  });

  it('stops reading the source once it has its rows', async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('phone\n');
      for (;;) {
        chunksRead++;
        yield Buffer.from('2025550123\n'.repeat(1000));
      }
    }
    const preview = await previewOf(endless());
    expect(preview.rows).toHaveLength(10);
    expect(chunksRead).toBeLessThan(20);
  });

  it.each([
    ['an empty file', '', 'empty_file'],
    ['only blank lines', '\n\r\n,,,\n', 'empty_file'],
    ['a header only', 'name,phone\r\n', 'header_only'],
    ['no column that could be a phone', 'name,city\nAna,Boston\nBo,Reno\n', 'no_phone_column'],
  ])('refuses %s', async (_, content, problem) => {
    await expect(previewOf(bytesOf(content))).rejects.toMatchObject({ name: 'ContactImportError', problem });
  });
});
