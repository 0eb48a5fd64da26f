// What the benchmarks read of running processes from /proc: resident memory and CPU time, of one
// process or of every PostgreSQL process on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** VmRSS of a process in MiB, or NaN once it is gone. */
export function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/** User + system CPU seconds a process has used so far (NaN once it is gone). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14 and 15)
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by each PostgreSQL process on this machine, by pid (empty without /proc). */
export function postgresCpu() {
  const byPid = new Map();
  for (const pid of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.indexOf(')')) === 'postgres') byPid.set(pid, cpuSeconds(pid) || 0);
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/**
 * PostgreSQL's CPU seconds since `before` (a postgresCpu() reading): what the processes running now
 * used since then, counting new ones in full. A backend that ended meanwhile (an idle pool connection
 * timing out) takes its share with it, which is why this is not one sum minus another.
 */
export function postgresCpuSince(before) {
  let total = 0;
  for (const [pid, now] of postgresCpu()) total += now - (before.get(pid) ?? 0);
  return total;
}
