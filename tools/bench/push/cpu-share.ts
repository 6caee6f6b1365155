import { availableParallelism } from 'node:os';
import { cpuSecondsOf } from '../shared/process-cpu.js';

/**
 * Starts counting the CPU time of the named processes; the returned function
 * describes each one's share since (100% = one core). On one small machine the
 * clients and the driver take CPU the API would otherwise have: this says how much.
 */
export function measureCpuShare(pids: Readonly<Record<string, number | undefined>>): () => string {
  const startedAt = performance.now();
  const before = new Map(Object.entries(pids).map(([name, pid]) => [name, cpuSecondsOf(pid)]));
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const shares = Object.entries(pids).map(([name, pid]) => {
      const start = before.get(name);
      const end = cpuSecondsOf(pid);
      return start === undefined || end === undefined ? `${name} unknown` : `${name} ${Math.round(((end - start) / seconds) * 100)}%`;
    });
    return `CPU while driving (100% = one core of ${availableParallelism()}): ${shares.join(', ')}`;
  };
}
