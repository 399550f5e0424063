// What the benches read of Linux's /proc/<pid>/stat: a process's CPU time, for figures in CPU seconds beside wall
// times on a shared machine.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The fields of /proc/`pid`/stat after the command name, so that the kernel's field n is at n - 3 (the parent's pid at
 * 1, user and system time at 11 and 12, those of ended children at 13 and 14); the name is cut off at its last `) `,
 * since it may hold one itself. Throws when the process has ended.
 */
export function procStatFields(pid: string | number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
}

/** Seconds of the times at `from` to `to` (inclusive) of procStatFields' fields. */
export function ticksAsSeconds(fields: readonly string[], from = 11, to = 12): number {
  let ticks = 0;
  for (let i = from; i <= to; i++) ticks += Number(fields[i]);
  return ticks / TICKS_PER_SECOND;
}
