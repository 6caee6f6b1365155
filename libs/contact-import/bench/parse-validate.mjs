// Parse + validate throughput and memory of @textbank/contact-import (built dist).
// Usage: node bench/parse-validate.mjs [rows=1000000] [runs=3] [workers]
// Prints one JSON line per run, then a summary line with the median; exits 1 if
// peak RSS grew by more than 200 MB over the process's size before the run.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRows } from '../dist/index.js';
import { generateCsv } from './generate-csv.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const workers = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const file = join(tmpdir(), `contact-import-bench-${rows}.csv`);
if (!existsSync(file)) {
  const out = createWriteStream(file);
  for (const chunk of generateCsv(rows)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}
const mapping = {
  headers: ['First Name', 'Last Name', 'Cell Phone', 'Zip', 'VAN ID', 'Polling Place'],
  columns: [
    { kind: 'field', field: 'firstName' }, { kind: 'field', field: 'lastName' }, { kind: 'field', field: 'phone' },
    { kind: 'field', field: 'zip' }, { kind: 'field', field: 'externalId' }, { kind: 'custom', key: 'polling_place' },
  ],
};
const limitMb = 200;
const results = [];
for (let run = 0; run < runs; run++) {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  let last;
  for await (const batch of importRows(createReadStream(file, { highWaterMark: 256 * 1024 }), mapping, { workers })) {
    last = batch.progress;
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const result = {
    rows: last.rowsSeen, seconds: +seconds.toFixed(2), rows_per_s: Math.round(last.rowsSeen / seconds),
    rss_before_mb: Math.round(rssBefore / 2 ** 20), peak_rss_growth_mb: Math.round((peak - rssBefore) / 2 ** 20),
    accepted: last.accepted, invalid: last.invalid, duplicates: last.duplicates,
  };
  results.push(result);
  console.log(JSON.stringify(result));
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = { rows, runs, workers: workers ?? 'default', median_rows_per_s: median(results.map((r) => r.rows_per_s)), max_peak_rss_growth_mb: Math.max(...results.map((r) => r.peak_rss_growth_mb)) };
console.log(JSON.stringify(summary));
process.exit(summary.max_peak_rss_growth_mb > limitMb ? 1 : 0);
