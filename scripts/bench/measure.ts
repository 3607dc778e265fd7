/**
 * Runs one pipeline stage as a child process and measures its wall time and the peak resident set size of the
 * largest single process in its tree.
 *
 * Two measures, the larger is reported: GNU time (/usr/bin/time: the kernel's wait4 rusage, ru_maxrss, the largest
 * RSS of the child and every descendant it waited for) and /proc/<pid>/status VmHWM of every process in the tree,
 * polled every 100 ms (VmHWM is monotonic, so only the last < 100 ms before a process exits can be missed). Polling
 * catches what time misses: a descendant its parent never waited for (the search index's last Pagefind process,
 * ended as the script exits).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface StageResult {
  seconds: number;
  peakRssMb: number;
  /** How the peak was measured: "time" (GNU time, kernel rusage) or "proc" (VmHWM polling). */
  rssSource: 'time+proc' | 'proc';
  stdout: string;
  stderr: string;
}

export interface StageOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Echo the child's output while it runs (else only kept for the error message). */
  echo?: boolean;
}

const GNU_TIME = '/usr/bin/time';
/** GNU time (BusyBox's has no -f/-o). */
const hasGnuTime = ((): boolean => {
  if (!existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ['--version'], { encoding: 'utf8' });
  return /GNU/.test(`${r.stdout ?? ''}${r.stderr ?? ''}`);
})();

function childrenOf(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(name));
      kids.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  return kids;
}

function treeHwmKb(root: number): number {
  const kids = childrenOf();
  let max = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]));
    } catch {
      // gone
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return max;
}

/** Runs `command args…`; resolves with wall seconds and peak RSS, rejects when it exits non-zero. */
export function runStage(command: string, args: readonly string[], options: StageOptions): Promise<StageResult> {
  const useTime = hasGnuTime && process.env['BENCH_RSS'] !== 'proc';
  const timeFile = join(tmpdir(), `nianbao-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    if (options.echo) process.stderr.write(d);
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (options.echo) process.stderr.write(d);
  });
  let polledKb = 0;
  const poll = setInterval(() => child.pid && (polledKb = Math.max(polledKb, treeHwmKb(child.pid))), 100);
  return new Promise((ok, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(poll);
      let peakKb = polledKb;
      if (useTime) {
        try {
          const text = readFileSync(timeFile, 'utf8').trim().split('\n');
          peakKb = Math.max(peakKb, Number(text[text.length - 1]) || 0);
        } catch {
          // no time output: the polled peak stands
        }
        rmSync(timeFile, { force: true });
      }
      if (code !== 0) {
        fail(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}${stdout.slice(-2000)}`));
        return;
      }
      ok({ seconds, peakRssMb: Math.round(peakKb / 1024), rssSource: useTime ? 'time+proc' : 'proc', stdout, stderr });
    });
  });
}

/** Median of numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
