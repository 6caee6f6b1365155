import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { createCampaign, setUpOrganization, UnexpectedResponseError } from '../shared/api-session.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { startApiInProcess, type ApiInProcess } from '../shared/in-process-api.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';
import { parseOnlySeconds } from './parse-baseline.js';
import { postFile } from './upload-over-http.js';
import { writeVoterFile } from './voter-file.js';

const GOAL_SECONDS_PER_MILLION = 20;
const GOAL_PEAK_RSS_MB = 600;

/**
 * A campaign's voter file, from HTTP upload to contacts queryable in the read
 * model: preview, then the whole file streamed through the API in this
 * process, 20% of its rows bad. Peak RSS is sampled through the upload;
 * the baseline is the same file split by csv-parse alone, in this process.
 */
export async function runImportBench(options: BenchOptions): Promise<BenchOutcome> {
  const rows = options.quick ? 100_000 : 1_000_000;
  return withTempDir('import', async (dir) => {
    progress(`import: writing a ${rows.toLocaleString('en-US')}-row voter file (20% invalid, duplicate or opted out)`);
    const file = await writeVoterFile(join(dir, 'voters.csv'), rows);
    const baseline = await parseOnlySeconds(file.path);
    progress(`import: ${(file.bytes / 1024 / 1024).toFixed(1)} MB; csv-parse alone splits it in ${baseline.seconds.toFixed(2)} s (${Math.round(rows / baseline.seconds)} rows/s)`);

    const agent = new Agent({ keepAlive: true });
    let api: ApiInProcess | undefined;
    try {
      api = await startApiInProcess(join(dir, 'data'));
      const owner = await setUpOrganization(api.url, agent);
      const campaignId = await createCampaign(owner, 'Bench voter file');
      await importOptOuts(agent, owner, dir, file.optOuts);

      const preview = await postFile(agent, owner, file.path, `/api/campaigns/${campaignId}/uploads/preview`, {}, 256 * 1024);
      if (preview.status !== 201) throw new UnexpectedResponseError('preview', { ...preview, setCookie: [] });
      const mapping = (preview.body as { mapping: unknown }).mapping;

      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const answer = await postFile(agent, owner, file.path, `/api/campaigns/${campaignId}/uploads?fileName=voters.csv`, {
        'textbank-mapping': encodeURIComponent(JSON.stringify(mapping)),
        'content-length': String(file.bytes),
      });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (answer.status !== 201) throw new UnexpectedResponseError('upload', { ...answer, setCookie: [] });
      const summary = answer.body as { readable: boolean; counts: { rows: number; accepted: number; invalid: number; duplicate: number; optedOut: number } };

      // Checked against the read model itself, not the answer.
      const readModel = new Database(join(dir, 'data', 'read-models.db'), { readonly: true });
      const stored = readModel.prepare<[string], number>('SELECT count(*) FROM contacts WHERE campaign_id = ?').pluck().get(campaignId)!;
      readModel.close();
      const { counts } = summary;
      const rejected = counts.invalid + counts.duplicate + counts.optedOut;
      const exact =
        summary.readable &&
        stored === counts.accepted &&
        counts.rows === rows &&
        stored + rejected === rows &&
        counts.accepted === file.expected.accepted &&
        counts.invalid === file.expected.invalid &&
        counts.duplicate === file.expected.duplicate &&
        counts.optedOut === file.expected.optedOut;
      progress(
        `import: ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s, ${(seconds / baseline.seconds).toFixed(1)}x csv-parse alone); ` +
          `${counts.accepted} accepted (${stored} in the read model), ${counts.invalid} invalid, ${counts.duplicate} duplicate, ${counts.optedOut} opted out; ` +
          `peak RSS ${Math.round(peakRss / 1024 / 1024)} MB; goal: ${(GOAL_SECONDS_PER_MILLION * rows) / 1_000_000} s, ${GOAL_PEAK_RSS_MB} MB`,
      );
      if (!exact) progress(`import: COUNTS DO NOT MATCH: expected ${JSON.stringify(file.expected)}, got ${JSON.stringify(counts)}, stored ${stored}`);
      return {
        ok: exact,
        figures: {
          rows,
          rows_per_s: Math.round(rows / seconds),
          seconds: rounded(seconds),
          peak_rss_mb: Math.round(peakRss / 1024 / 1024),
          accepted: stored,
          rejected,
          baseline_parse_seconds: rounded(baseline.seconds),
          ratio_to_parse_only: rounded(seconds / baseline.seconds, 1),
          megabytes: rounded(file.bytes / 1024 / 1024, 1),
          exact,
        },
      };
    } finally {
      await api?.stop();
      agent.destroy();
    }
  });
}

async function importOptOuts(agent: Agent, owner: Awaited<ReturnType<typeof setUpOrganization>>, dir: string, phones: readonly string[]): Promise<void> {
  const path = join(dir, 'opt-outs.csv');
  writeFileSync(path, `phone\r\n${phones.join('\r\n')}\r\n`);
  const answer = await postFile(agent, owner, path, '/api/opt-outs/import');
  if (answer.status !== 201) throw new UnexpectedResponseError('opt-out import', { ...answer, setCookie: [] });
  progress(`import: ${phones.length} numbers for the opt-out list: ${JSON.stringify(answer.body)}`);
}
