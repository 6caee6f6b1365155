import { readFileSync } from 'node:fs';
import { progress } from './progress.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  /** Of the profiled wall time. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly wallMs: number;
  /** Sampled time not spent idle: what the API's main thread was busy with. */
  readonly busyMs: number;
  readonly functions: readonly SelfTime[];
  readonly modules: readonly SelfTime[];
}

/** Where a script belongs: an npm package, a workspace lib or app, or node itself. */
function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  const workspace = /\/(libs|apps)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  if (url.startsWith('node:')) return 'node (core)';
  return url;
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|libs|apps)\//, '$1/');

/**
 * Self time by function and by module from a V8 .cpuprofile: the sampled
 * intervals are attributed to the frame on top of the stack.
 */
export function summarizeProfile(path: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  // Starting the profiler (inside the preload's message handler) is sampled too: the bench's cost, not the API's.
  const underProfiler = (id: number): boolean => {
    for (let node = byId.get(id); node; node = parentOf.get(node.id)) if (node.callFrame.url.includes('cpu-profile-preload')) return true;
    return false;
  };
  const selfUs = new Map<number, number>();
  let profilerUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    if (underProfiler(id)) profilerUs += us;
    else selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  });
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') idleUs += us;
    // Native code (a SQLite statement's run, a hash) is named with the script that called it: that says which query.
    const caller = url === '' && !functionName.startsWith('(') ? callerOf(id, parentOf) : undefined;
    const name = url === '' ? `${functionName || '(anonymous)'}${caller ? ` <- ${caller}` : ''}` : `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const module = moduleOf(url, functionName);
    modules.set(module, (modules.get(module) ?? 0) + us);
  }
  const wallUs = profile.endTime - profile.startTime - profilerUs;
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / wallUs }));
  return { wallMs: wallUs / 1000, busyMs: (wallUs - idleUs) / 1000, functions: ranked(functions), modules: ranked(modules) };
}

/** The nearest frame below a native one that belongs to a script (skipping node's own and the driver's wrappers). */
function callerOf(id: number, parentOf: ReadonlyMap<number, ProfileNode>): string | undefined {
  for (let node = parentOf.get(id); node; node = parentOf.get(node.id)) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (url === '' || url.startsWith('node:') || /node_modules\/better-sqlite3\//.test(url)) continue;
    return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
  }
  return undefined;
}

/** The summary as lines for stderr. */
export function describeProfile(summary: ProfileSummary): string[] {
  const line = (entry: SelfTime) => `${entry.ms.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`;
  return [
    `profile: ${summary.wallMs.toFixed(0)} ms sampled, main thread busy ${summary.busyMs.toFixed(0)} ms (${((summary.busyMs / summary.wallMs) * 100).toFixed(0)}%)`,
    'profile: self time by module:',
    ...summary.modules.map(line),
    'profile: self time by function:',
    ...summary.functions.map(line),
  ];
}

/** Stops the API's profile, writes it to `path` and prints its summary to stderr under the bench's name. */
export async function stopAndDescribeProfile(api: { stopProfile(path: string): Promise<boolean> }, path: string, bench: string, what: string): Promise<void> {
  await api.stopProfile(path);
  for (const line of describeProfile(summarizeProfile(path))) progress(`${bench}: ${line}`);
  progress(`${bench}: API profile (${what}) written to ${path}`);
}
