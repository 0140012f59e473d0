/**
 * BENCH_CPU=1: where a measurement's CPU went, from Linux's per-process counters (/proc/<pid>/stat):
 * PostgreSQL's processes, Kasane's server, the bench itself (the load generator and the raw replay)
 * and everything else, in CPU seconds per request. Elsewhere than Linux it reports nothing.
 */
import fs from 'node:fs';
import os from 'node:os';

type Ticks = Map<number, { comm: string; ticks: number }>;

const TICKS_PER_SECOND = 100;

function snapshot(): Ticks {
  const ticks: Ticks = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command
      ticks.set(Number(entry), { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

export interface CpuSplit {
  postgres: number;
  kasane: number;
  bench: number;
  other: number;
}

/** Starts counting; the returned function gives the CPU seconds spent since, by who spent them. */
export function cpuMeter(kasanePid: number | undefined): () => CpuSplit | undefined {
  if (os.platform() !== 'linux' || !process.env.BENCH_CPU) return () => undefined;
  const before = snapshot();
  return () => {
    const split: CpuSplit = { postgres: 0, kasane: 0, bench: 0, other: 0 };
    for (const [pid, { comm, ticks }] of snapshot()) {
      const spent = (ticks - (before.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
      if (spent <= 0) continue;
      if (comm === 'postgres') split.postgres += spent;
      else if (pid === kasanePid) split.kasane += spent;
      else if (pid === process.pid) split.bench += spent;
      else split.other += spent;
    }
    return split;
  };
}

/** The split per request, in milliseconds of CPU. */
export function formatCpu(split: CpuSplit, requests: number): string {
  const ms = (s: number) => ((s * 1000) / Math.max(1, requests)).toFixed(2);
  return `CPU per request: PostgreSQL ${ms(split.postgres)} ms, Kasane ${ms(split.kasane)} ms, bench ${ms(split.bench)} ms, other ${ms(split.other)} ms`;
}
