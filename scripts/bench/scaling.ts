import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../../src/core/analyze';
import { AnalysisPool } from '../../src/server/pool';
import { Session } from '../../src/server/session';
import { Workspace } from '../../src/workspace/workspace';

// Worst-case scaling: texts a newsroom can produce that once made stages of the analysis
// quadratic (issue 20). Each family is generated at two sizes, the second twice the first,
// and one file of each is analysed as the CLI does (the engine, then the workspace's
// diagnostics). Doubling the text should about double the time: a ratio near 4 is a
// quadratic path. The ratio is taken in one run, so it holds on a loaded machine.
//
// Usage: npm run bench:scaling [-- --size 500000]   (the smaller size, in characters; default 250000)
//        node out/scripts/bench/scaling.js --family 3 --engine   (one family, the engine alone, wall time: for profiling)
//        node out/scripts/bench/scaling.js --wall   (wall time rather than CPU time)
//        node out/scripts/bench/scaling.js --pauses 0,3 --size 900000   (the language server's
//          longest pause while it takes in a large open document of these families: see `pauses`;
//          with --beside 60000, another document of the family is open first)

/** News sentences with quotations, speakers and figures (hand-written, in the samples' style). */
const NEWS = [
  'General Mark Milley, the chairman of the US Joint Chiefs, said on Wednesday that about 20% of the region was held.',
  '“The probability of a Ukrainian military victory is not high, militarily,” he remarked.',
  'According to Kirby, only Zelensky “gets to determine if and when he’s ready for negotiations.”',
  'Officials said 1,200 homes in Kherson had been flooded and 34 people were missing.',
  '“You want to negotiate from a position of strength,” Milley told reporters. “Russia right now is on its back.”',
  'The mayor, Ann Lee, said the city would need $4.5 million to rebuild its bridges.',
];

/** Every quotation-mark glyph the engine reads, and a few it should not take for marks. */
const MARK_GLYPHS = ['"', '“', '”', '„', '‟', '«', '»', "'", '‘', '’', '‹', '›', '‚', '‛', '「', '」', '『', '』', '〝', '〞', '〟', '＂', '＇', '❝', '❞', '❛', '❜', '⹂'];
const INVISIBLE = ['\u200f', '\u200e', '\u200b', '\u200c', '\u200d', '\u2060', '\u202b', '\u202c', '\u061c', '\ufeff'];
const LINE_ENDS = ['\n', '\r\n', '\r', '\u2028', '\u0085', '\u2029', '\n\n', '\r\r'];

export interface Family {
  name: string;
  /** A text of about `size` characters (never less), the same for the same size. */
  make(size: number): string;
}

/** Repeats `unit(i)` for i = 0, 1, … until the text reaches `size` characters. */
function repeat(size: number, unit: (i: number) => string, end = ''): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  return parts.join('') + end;
}

export const FAMILIES: readonly Family[] = [
  { name: 'news sentences repeated, a paragraph a line', make: (n) => repeat(n, (i) => `${NEWS[i % NEWS.length]}\n`) },
  { name: 'the same with no line breaks', make: (n) => repeat(n, (i) => `${NEWS[i % NEWS.length]} `) },
  { name: "`It's the people's 'war' ` repeated (single quotes)", make: (n) => repeat(n, () => "It's the people's 'war' ") },
  { name: 'one sentence: `Milley said, “part 1”, “part 2”, …`', make: (n) => 'Milley said, ' + repeat(n, (i) => `“part ${i + 1}”, `, 'and more.') },
  { name: '`Between 0 to 1 to 2 … troops were in Kherson.`', make: (n) => 'Between ' + repeat(n, (i) => `${i} to `, 'the end troops were in Kherson.') },
  { name: 'news sentences with mixed line ends (\\n, \\r\\n, \\r, U+2028, U+0085 …)', make: (n) => repeat(n, (i) => NEWS[i % NEWS.length] + LINE_ENDS[(i * 7 + (i >> 3)) % LINE_ENDS.length]) },
  {
    name: '28 quotation-mark glyphs mixed with RTL marks and zero-width characters',
    make: (n) =>
      repeat(n, (i) => {
        const g = MARK_GLYPHS[(i * 5) % MARK_GLYPHS.length];
        const inv = INVISIBLE[(i * 3) % INVISIBLE.length];
        return `${g}${inv}word ${i % 9 === 0 ? 'said Lee. ' : ''}${MARK_GLYPHS[(i * 11 + 3) % MARK_GLYPHS.length]}${i % 13 === 0 ? '\n' : ' '}`;
      }),
  },
];

/** Analyses `text` as the CLI does for one file: the engine, then the workspace's diagnostics. */
function analyse(text: string): void {
  const workspace = new Workspace();
  workspace.set('/scaling/article.news', text);
  workspace.diagnostics('/scaling/article.news');
}

/** Seconds (wall time) to analyse `text` as the CLI does for one file. */
export function analysisSeconds(text: string): number {
  const t0 = performance.now();
  analyse(text);
  return (performance.now() - t0) / 1000;
}

/**
 * CPU seconds of this process (all its threads, the garbage collector's too) to analyse `text`
 * as the CLI does: what the stress test compares, since another process taking the core for a
 * while does not count in it.
 */
export function analysisCpuSeconds(text: string): number {
  const before = process.cpuUsage();
  analyse(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** The engine alone, for profiling one stage. */
export function engineSeconds(text: string): number {
  const t0 = performance.now();
  analyzeDocument(text);
  return (performance.now() - t0) / 1000;
}

export interface ScalingRow {
  family: string;
  size: number;
  small: number;
  large: number;
  ratio: number;
}

/**
 * Each family at `size` and at twice `size` characters, after a warm-up on a tenth of it. The
 * two sizes are timed `runs` times, in turn, and the fastest of each kept: another process
 * taking the core for a moment slows one run, not the ratio.
 */
export function measureScaling(size: number, families: readonly Family[] = FAMILIES, time = analysisCpuSeconds, runs = 3): ScalingRow[] {
  return families.map((f) => {
    const [smallText, largeText] = [f.make(size), f.make(2 * size)];
    time(f.make(Math.round(size / 10)));
    let small = Infinity;
    let large = Infinity;
    for (let i = 0; i < runs; i++) {
      small = Math.min(small, time(smallText));
      large = Math.min(large, time(largeText));
    }
    return { family: f.name, size, small, large, ratio: large / small };
  });
}

export function scalingTable(rows: readonly ScalingRow[]): string[] {
  const kb = (n: number) => `${Math.round(n / 1000)} KB`;
  const sizes = rows[0] ? `${kb(rows[0].size)} | ${kb(2 * rows[0].size)}` : 'small | large';
  const lines = [`| text (one file) | ${sizes} | ratio (target ≤ 2.5) | s per MB, larger (target ≤ 2) |`, '| --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.family} | ${r.small.toFixed(2)} s | ${r.large.toFixed(2)} s | ${r.ratio.toFixed(2)}× | ${(r.large / ((2 * r.size) / 1e6)).toFixed(2)} |`);
  return lines;
}

/** The scaling table, as `npm run bench` ends and `npm run bench:scaling` prints it. */
export function printScaling(size = 250_000): void {
  process.stderr.write('worst-case scaling: each family at two sizes (about a minute) …\n');
  console.log('');
  console.log(`Worst-case scaling (docs/worst-case.md): one file analysed as the CLI does, CPU time of the fastest of 3 runs (other processes on the machine do not count in it); twice the text should take about twice the time`);
  console.log('');
  for (const line of scalingTable(measureScaling(size))) console.log(line);
}

/**
 * The longest pause of the server's thread (a 2 ms timer, wall time) from opening a document of
 * `size` characters of family `family` until its diagnostics are published: a Session with its
 * edit worker (session.ts, OFF_THREAD_CHARS), in this process.
 */
async function pauses(family: number, size: number, beside = 0): Promise<string> {
  let published = false;
  let besidePublished = false;
  const host = {
    publish: (uri: string) => void (uri.endsWith('large.news') ? (published = true) : uri.endsWith('beside.news') && (besidePublished = true)),
    status: () => undefined,
    progress: async () => null,
  };
  const session = new Session(host, null, new AnalysisPool(1));
  session.setFolders(['/scaling']);
  // The worker is started (and its engine loaded) first, and this thread's engine loaded, as the
  // server does after its scan: that is not the document's cost.
  analyzeDocument('The mayor said 20 soldiers were killed in Kherson, “and more will come.”');
  session.opened('file:///scaling/warm.news', 'x'.repeat(60_000), 1);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  // Another open document of the same family first (the same quotations in two files: every
  // quote of one is a version of the other's): its diagnostics are waited for.
  if (beside > 0) {
    session.opened('file:///scaling/beside.news', FAMILIES[family].make(beside), 1);
    while (!besidePublished) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Ends with an unclosed quote, so that a diagnostic is published whatever the family finds.
  const text = `${FAMILIES[family].make(size)}\n“And the rest`;
  const t0 = performance.now();
  session.opened('file:///scaling/large.news', text, 1);
  let last = performance.now();
  let longest = last - t0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (!published) return;
      clearInterval(tick);
      resolve();
    }, 2);
  });
  const opened = beside > 0 ? `, beside another of ${Math.round(beside / 1000)} KB` : '';
  const line = `| ${FAMILIES[family].name}, ${Math.round(size / 1000)} KB${opened} | ${((performance.now() - t0) / 1000).toFixed(1)} s | ${longest.toFixed(0)} ms |`;
  await session.dispose();
  return line;
}

function main(): void {
  const at = process.argv.indexOf('--size');
  const size = at >= 0 ? Number(process.argv[at + 1]) : 250_000;
  const paused = process.argv.indexOf('--pauses');
  if (paused >= 0) {
    void (async () => {
      console.log('| open document | diagnostics published after | longest pause of the server thread |\n| --- | --- | --- |');
      const besideAt = process.argv.indexOf('--beside');
      const beside = besideAt >= 0 ? Number(process.argv[besideAt + 1]) : 0;
      for (const family of process.argv[paused + 1].split(',').map(Number)) console.log(await pauses(family, size, beside));
    })();
    return;
  }
  const only = process.argv.indexOf('--family');
  if (only < 0 && !process.argv.includes('--engine') && !process.argv.includes('--wall')) return printScaling(size);
  // For profiling one stage: --family N (0-based), --engine (the engine alone, no workspace).
  const families = only >= 0 ? FAMILIES.filter((_, i) => String(i) === process.argv[only + 1]) : FAMILIES;
  const time = process.argv.includes('--engine') ? engineSeconds : process.argv.includes('--wall') ? analysisSeconds : analysisCpuSeconds;
  for (const line of scalingTable(measureScaling(size, families, time))) console.log(line);
}

if (require.main === module) main();
