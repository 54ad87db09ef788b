import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quantile } from './stats';

// What a user runs, whole processes from start to exit, each tool writing its own output
// (to /dev/null here): `byline analyze --format json` on the folder of PolNeAR train articles,
// beside compromise and wink-nlp run over the same files (peerRun.ts). Byline and wink-nlp
// run three times, interleaved, and their medians are compared; compromise takes a minute,
// and runs once. CPU time (the processes' and their threads', from the kernel) is printed
// beside wall time because other processes may share the machine.

export interface ProcessRun {
  wallSeconds: number;
  cpuSeconds: number;
}

export interface PeerFigures {
  files: number;
  megabytes: number;
  byline: ProcessRun[];
  wink: ProcessRun[];
  compromise: ProcessRun;
  /** `byline analyze` on one article of median length, five times. */
  oneArticle: ProcessRun[];
  oneArticleBytes: number;
}

const RUNS = 3;
const ONE_ARTICLE_RUNS = 5;

/** Clock ticks a second, in which Linux counts the CPU time of children (/proc/self/stat). */
const ticks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds of the children waited for so far (user + system), or NaN where /proc has no such line. */
function childrenCpu(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of the line (cutime, cstime), counted from the state (field 3).
    return (Number(fields[13]) + Number(fields[14])) / ticks;
  } catch {
    return NaN;
  }
}

function runProcess(args: readonly string[]): ProcessRun {
  const cpu = childrenCpu();
  const started = process.hrtime.bigint();
  const done = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (done.status !== 0) throw new Error(`${args.join(' ')} exited with ${done.status ?? done.signal}: ${done.stderr.toString().slice(0, 2000)}`);
  return { wallSeconds, cpuSeconds: childrenCpu() - cpu };
}

export function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  return { wallSeconds: quantile(runs.map((r) => r.wallSeconds).sort((a, b) => a - b), 0.5), cpuSeconds: quantile(runs.map((r) => r.cpuSeconds).sort((a, b) => a - b), 0.5) };
}

export function peerRuns(root: string, folder: string): PeerFigures {
  const cli = path.join(root, 'dist', 'cli.js');
  const peer = path.join(root, 'out', 'scripts', 'bench', 'peerRun.js');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  const sizes = files.map((f) => fs.statSync(path.join(folder, f)).size);
  const byline: ProcessRun[] = [];
  const wink: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    byline.push(runProcess([cli, 'analyze', '--format', 'json', '--fail-on', 'never', folder]));
    wink.push(runProcess([peer, 'wink', folder]));
  }
  const compromise = runProcess([peer, 'compromise', folder]);
  const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)];
  const article = path.join(folder, files[sizes.indexOf(median)]);
  const oneArticle = Array.from({ length: ONE_ARTICLE_RUNS }, () => runProcess([cli, 'analyze', '--format', 'json', '--fail-on', 'never', article]));
  return { files: files.length, megabytes: sizes.reduce((n, s) => n + s, 0) / 1e6, byline, wink, compromise, oneArticle, oneArticleBytes: median };
}
