#!/usr/bin/env node
// `npm test`: lint (module boundaries + typecheck), then every project's unit and
// integration specs, then the end-to-end tier (built API, real Chromium). Ends with
// one plain line summed over every tier: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['lint', 'npm', ['run', 'lint']],
  ['unit + integration', 'npx', ['nx', 'run-many', '-t', 'test', '--output-style=static', '--parallel=1']],
  ['end-to-end', 'npx', ['nx', 'run-many', '-t', 'e2e', '--output-style=static', '--parallel=1']],
];

const failedSteps = [];
for (const [name, command, args] of steps) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_TUI: 'false' } });
  if (result.status !== 0) failedSteps.push(name);
}

let passed = 0;
let failed = 0;
for (const file of readdirSync(reports).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  process.stdout.write(`${file.replace('.json', '').padEnd(16)} ${report.numPassedTests} passed, ${report.numFailedTests} failed\n`);
}
if (failedSteps.length) process.stdout.write(`failed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length || failed || passed === 0 ? 1 : 0);
