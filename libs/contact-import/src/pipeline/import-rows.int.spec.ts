import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../mapping/column-mapping.js';
import { bytesOf, collect, windows1252 } from '../test-support.spec-helpers.js';
import type { ImportBatch } from './import-batch.js';
import { importRows } from './import-rows.js';

const MAPPING: ColumnMapping = {
  headers: ['First', 'Phone', 'Zip', 'Polling Place'],
  columns: [
    { kind: 'field', field: 'firstName' },
    { kind: 'field', field: 'phone' },
    { kind: 'field', field: 'zip' },
    { kind: 'custom', key: 'polling_place' },
  ],
};

async function everything(batches: AsyncIterable<ImportBatch>) {
  const all = await collect(batches);
  return {
    batches: all,
    accepted: all.flatMap((b) => b.accepted),
    rejected: all.flatMap((b) => b.rejected),
    progress: all.at(-1)!.progress,
  };
}

describe('importRows', () => {
  it('turns rows into contacts and rejects with 1-based line numbers of each row’s first line', async () => {
    const file = [
      'First,Phone,Zip,Polling Place', // line 1
      'Ana,(602) 555-0100,85001,"Gym, North"', // 2
      '', // 3: blank, skipped but counted as a line
      '"Bo', // 4: a quoted newline: the row starts here
      'Bob",12,96813,', // 5
      'Cy,="2025550123",="02134",', // 6
      'Di,602.555.0100,,', // 7: same number as line 2
      'Ed,+1 808 555 0100,99999,Library,,,', // 8: trailing empty columns
      'Fy,+1 415 555 0100,,,extra', // 9: more cells than columns
    ].join('\r\n');
    const { accepted, rejected, progress } = await everything(importRows(bytesOf(file), MAPPING, { workers: 0 }));
    expect(accepted.map((c) => [c.row, c.firstName, c.phone, c.zip, c.timeZone, c.areaCodeHint, c.customFields])).toEqual([
      [2, 'Ana', '+16025550100', '85001', 'America/Phoenix', null, { polling_place: 'Gym, North' }],
      [6, 'Cy', '+12025550123', '02134', 'America/New_York', null, {}],
      [8, 'Ed', '+18085550100', '99999', null, '808', { polling_place: 'Library' }],
    ]);
    expect(rejected.map((r) => [r.row, r.reason])).toEqual([
      [4, 'phone_too_short'],
      [7, 'duplicate_in_file'],
      [9, 'row_too_wide'],
    ]);
    expect(rejected[0]!.message).toBe('Row 4: "12" is too short to be a phone number.');
    expect(rejected[0]!.cells).toEqual(['Bo\r\nBob', '12', '96813']);
    expect(rejected[1]!.message).toBe('Row 7: +16025550100 is already on row 2.');
    expect(rejected[1]!.cells).toEqual(['Di', '602.555.0100']);
    expect(progress).toMatchObject({ rowsSeen: 6, accepted: 3, invalid: 2, duplicates: 1, byReason: { phone_too_short: 1, duplicate_in_file: 1, row_too_wide: 1 } });
    expect(progress.bytesRead).toBe(Buffer.byteLength(file));
  });

  it('reads Windows-1252 and semicolons', async () => {
    const file = windows1252('First;Phone;Zip;Polling Place\nRenée;2025550123;10001;Café “Central”\n');
    const { accepted } = await everything(importRows(bytesOf(file), MAPPING, { workers: 0 }));
    expect(accepted[0]).toMatchObject({ firstName: 'Renée', customFields: { polling_place: 'Café “Central”' } });
  });

  it('yields batches of the asked size with running totals, in file order, on worker threads', async () => {
    const rows = Array.from({ length: 5_500 }, (_, i) => `P${i},+1 202 5${String(i).padStart(6, '0').slice(0, 2)} ${String(i).padStart(4, '0').slice(-4)},10001,`);
    const file = `First,Phone,Zip,Polling Place\n${rows.join('\n')}\n`;
    const { batches, accepted, progress } = await everything(importRows(bytesOf(file, 4096), MAPPING, { workers: 2, batchSize: 1_000 }));
    expect(batches.map((b) => b.accepted.length + b.rejected.length)).toEqual([1000, 1000, 1000, 1000, 1000, 500]);
    expect(batches.map((b) => b.progress.rowsSeen)).toEqual([1000, 2000, 3000, 4000, 5000, 5500]);
    expect(accepted.map((c) => c.row)).toEqual(Array.from({ length: accepted.length }, (_, i) => i + 2));
    expect(progress.accepted + progress.invalid + progress.duplicates).toBe(5_500);
    expect(accepted[4_321]!.firstName).toBe('P4321');
  });

  it('reads no further than a few batches ahead of a consumer that stops pulling', async () => {
    let bytesGiven = 0;
    async function* upload(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('First,Phone,Zip,Polling Place\n');
      for (let i = 0; ; i++) {
        const chunk = Buffer.from(`P${i},2025550123,10001,\n`.repeat(100));
        bytesGiven += chunk.length;
        yield chunk;
      }
    }
    const batches = importRows(upload(), MAPPING, { workers: 0, batchSize: 1_000 });
    await batches.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const given = bytesGiven;
    expect(given).toBeLessThan(200_000); // about 3 batches of ~25 bytes a row, not the endless upload
    await batches.return(undefined);
  });

  it.each([
    ['an empty file', '', 'empty_file'],
    ['a header only', 'First,Phone,Zip,Polling Place\n', 'header_only'],
    ['a mapping for other columns', 'Name,Cell\nAna,2025550123\n', 'invalid_mapping'],
  ])('refuses %s', async (_, content, problem) => {
    await expect(collect(importRows(bytesOf(content), MAPPING, { workers: 0 }))).rejects.toMatchObject({ problem });
  });

  it('refuses a mapping without a phone column', async () => {
    const mapping: ColumnMapping = { headers: MAPPING.headers, columns: MAPPING.columns.map((role) => (role.kind === 'field' && role.field === 'phone' ? { kind: 'ignore' } : role)) };
    await expect(collect(importRows(bytesOf('First,Phone,Zip,Polling Place\nAna,1,2,3\n'), mapping, { workers: 0 }))).rejects.toMatchObject({ problem: 'phone_not_mapped' });
  });

  it('refuses a 10 MB field without holding it', async () => {
    async function* hugeField(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('First,Phone,Zip,Polling Place\nAna,2025550123,10001,"');
      for (let i = 0; i < 160; i++) yield Buffer.alloc(64 * 1024, 0x61);
      yield Buffer.from('"\n');
    }
    await expect(collect(importRows(hugeField(), MAPPING, { workers: 0 }))).rejects.toMatchObject({ problem: 'field_too_large', line: 2 });
  });

  it('refuses a line of 100,000 columns', async () => {
    const file = `First,Phone,Zip,Polling Place\nAna,2025550123,10001,x\n${'a,'.repeat(100_000)}a\n`;
    await expect(collect(importRows(bytesOf(file, 65_536), MAPPING, { workers: 0 }))).rejects.toMatchObject({ problem: 'too_many_columns', line: 3 });
  });

  it('refuses a file that turns binary after its first bytes', async () => {
    async function* laterBinary(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`First,Phone,Zip,Polling Place\n${'Ana,2025550123,10001,x\n'.repeat(4000)}`);
      yield Buffer.from([0x50, 0x4b, 0x00, 0x00, 0x01]);
    }
    await expect(collect(importRows(laterBinary(), MAPPING, { workers: 0 }))).rejects.toMatchObject({ problem: 'binary_file' });
  });

  it('refuses a quote that is never closed', async () => {
    const file = 'First,Phone,Zip,Polling Place\nAna,2025550123,10001,"open\n';
    await expect(collect(importRows(bytesOf(file), MAPPING, { workers: 0 }))).rejects.toMatchObject({ problem: 'malformed_csv' });
  });
});
