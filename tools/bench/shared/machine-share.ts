import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { cpuSecondsOf } from './process-cpu.js';

const TICKS_PER_SECOND = 100;

/** Busy and I/O-wait CPU seconds of the whole machine so far (all cores), from /proc/stat; undefined without /proc. */
function machineSeconds(): { busy: number; iowait: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND, iowait: iowait / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/**
 * Starts counting CPU time: each named process's, everyone else's on the
 * machine (a neighbour's tests, say) and the time cores sat waiting for the
 * disk. The returned function describes the shares since (100% = one core).
 * On a shared two-core machine this says whether a slow window was the API's
 * doing or the neighbours'.
 */
export function measureMachineShare(pids: Readonly<Record<string, number | undefined>>): () => string {
  const startedAt = performance.now();
  const before = new Map(Object.entries(pids).map(([name, pid]) => [name, cpuSecondsOf(pid)]));
  const machineBefore = machineSeconds();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const percent = (cpuSeconds: number) => `${Math.round((cpuSeconds / seconds) * 100)}%`;
    let ours = 0;
    const shares = Object.entries(pids).map(([name, pid]) => {
      const start = before.get(name);
      const end = cpuSecondsOf(pid);
      if (start === undefined || end === undefined) return `${name} unknown`;
      ours += end - start;
      return `${name} ${percent(end - start)}`;
    });
    const machineAfter = machineSeconds();
    if (machineBefore && machineAfter) {
      shares.push(`other processes ${percent(Math.max(0, machineAfter.busy - machineBefore.busy - ours))}`);
      shares.push(`waiting for the disk ${percent(machineAfter.iowait - machineBefore.iowait)}`);
    }
    return `CPU (100% = one core of ${availableParallelism()}): ${shares.join(', ')}`;
  };
}
