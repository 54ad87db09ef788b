import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Session as SessionType, SessionHost } from '../../src/server/session';
import type { AnalysisPool as PoolType } from '../../src/server/pool';
import { listArticles } from './articles';
import { seeded } from './random';
import { quantile } from './stats';

// One language-server session in a fresh process, for `npm run bench` (main.ts starts it):
// the bundled code that ships (dist/server.js, with dist/worker.js threads), with a host that
// serialises every publication as the LSP connection would, but no editor. It indexes a
// folder and measures what a user waits for; with --edits it then edits one article.
//
//   node out/scripts/bench/sessionRun.js <folder> <storage> <article> [--edits N]
//
// Prints one JSON line (SessionFigures) on stdout.

export interface SessionFigures {
  files: number;
  fromCache: number;
  /** From the process's start (Node, the bundle, the workers) to the last diagnostics published: the index answers anything from then on. */
  indexSeconds: number;
  /** From the process's start to the end of the speaker clustering the scan left for after it (Session.speakersSettled). */
  settledSeconds: number;
  peakRssMB: number;
  /** Articles opened while the scan ran: from the editor's didOpen to their diagnostics. */
  openDuringScanMs: number[];
  /** An article opened as soon as the scan is done (while the speakers it left are clustered). */
  openAfterScanMs: number;
  /** Longest time the server's thread could not answer a request during the scan. */
  longestPauseMs: number;
  /** Time the server's thread was busy until the index was complete (the rest it waited for the workers). */
  mainThreadBusySeconds: number;
  /** CPU time of the whole process (all threads) until the index was complete. */
  cpuSeconds: number;
  conflicts: number;
  /** What the quote index adds: the index's quotes set into a fresh one, then every file's quote diagnostics (CPU seconds of the server thread). */
  quoteIndex: { setSeconds: number; diagnosticsSeconds: number; links: number };
  edits: {
    p50: number;
    p95: number;
    max: number;
    /** The same in CPU time of the process: what the edit costs, whatever else runs on the machine. */
    cpuP50: number;
    cpuP95: number;
    othersRepublishedMean: number;
    othersRepublishedMax: number;
    editsReachingOthers: number;
    count: number;
  } | null;
}

/** While the scan runs, an article is opened this often (as a user clicking through files would). */
const OPEN_EVERY_MS = 1000;
/** Share of the edits that change a figure rather than any word. */
const FIGURE_EDIT_SHARE = 0.2;
/** Seed of the edits: the same run edits the same words. */
const EDIT_SEED = 7;

// The bundle's Session and pool: ENGINE_VERSION and the worker script are those that ship.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = require(path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js')) as { Session: typeof SessionType; AnalysisPool: typeof PoolType };

async function main(): Promise<void> {
  const [folder, storage, article] = process.argv.slice(2);
  const editsAt = process.argv.indexOf('--edits');
  const editCount = editsAt > 0 ? Number(process.argv[editsAt + 1]) : 0;

  const published = new Map<string, number>();
  let fromCache = 0;
  let conflicts = 0;
  const host: SessionHost = {
    publish: (uri, diagnostics) => {
      JSON.stringify({ uri, diagnostics }); // what the connection does with every publication
      published.set(uri, performance.now());
    },
    status: (s) => void (conflicts = s.conflicts),
    progress: async () => null,
    log: (message) => void (fromCache = Number(/\((\d+) from the cache/.exec(message)?.[1] ?? 0)),
  };
  const session = new bundle.Session(host, new bundle.AnalysisPool());
  session.setFolders([folder]);
  session.useStorage(storage);

  const uriOf = (file: string) => pathToFileURL(file).href;
  // The articles to open during the scan: the benchmark's own work, taken out of the figures below.
  const listing = performance.now();
  const others = listArticles(folder).filter((f) => f !== article);
  const benchOwnMs = performance.now() - listing;
  const openDuringScanMs: number[] = [];
  const pauses = monitorEventLoopDelay({ resolution: 10 });
  pauses.enable();
  // Each opening is timed from when it was due, so time the server's thread spent busy counts.
  let opener: NodeJS.Timeout | undefined;
  const openNext = (due: number) => {
    opener = setTimeout(() => {
      const file = others[(openDuringScanMs.length * 997) % others.length];
      session.opened(uriOf(file), fs.readFileSync(file, 'utf8'), 1);
      openDuringScanMs.push((published.get(uriOf(file)) ?? NaN) - due);
      openNext(due + OPEN_EVERY_MS);
    }, due - performance.now());
  };
  openNext(performance.now() + OPEN_EVERY_MS);
  await session.scan();
  clearTimeout(opener);
  pauses.disable();
  // From the start of this process (the bundle's loading counts), less the listing above.
  const indexSeconds = (performance.now() - benchOwnMs) / 1000;
  const mainThreadBusySeconds = (performance.eventLoopUtilization().active - benchOwnMs) / 1000;
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  const articleUri = uriOf(article);
  let text = fs.readFileSync(article, 'utf8');
  const asked = performance.now();
  session.opened(articleUri, text, 1);
  const openAfterScanMs = (published.get(articleUri) ?? NaN) - asked;
  await session.speakersSettled;
  const settledSeconds = (performance.now() - benchOwnMs) / 1000;

  let edits: SessionFigures['edits'] = null;
  if (editCount > 0) {
    const random = seeded(EDIT_SEED);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const others: number[] = [];
    for (let i = 0; i < editCount; i++) {
      text = replaceOneWord(text, random);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const changed = session.applyNow(articleUri, text);
      const cpuUsed = process.cpuUsage(cpuBefore);
      times.push(performance.now() - started);
      cpuTimes.push((cpuUsed.user + cpuUsed.system) / 1000);
      others.push(changed.size - 1);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    edits = {
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      max: times[times.length - 1],
      cpuP50: quantile(cpuTimes, 0.5),
      cpuP95: quantile(cpuTimes, 0.95),
      othersRepublishedMean: others.reduce((a, b) => a + b, 0) / others.length,
      othersRepublishedMax: Math.max(...others),
      editsReachingOthers: others.filter((n) => n > 0).length,
      count: editCount,
    };
  }

  const quoteIndex = quoteIndexCost(session.index);
  const figures: SessionFigures = {
    files: session.index.size,
    fromCache,
    indexSeconds,
    settledSeconds,
    peakRssMB,
    openDuringScanMs,
    openAfterScanMs,
    longestPauseMs: pauses.max / 1e6,
    mainThreadBusySeconds,
    cpuSeconds,
    conflicts,
    quoteIndex,
    edits,
  };
  await session.dispose();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/**
 * The quote index's part of the index: the workspace's quotes set again into an index of the
 * bundle's own class (what the scan did as it merged them), then every file's quote
 * diagnostics (what publishing them added), timed after the figures above were taken.
 */
function quoteIndexCost(workspace: SessionType['index']): SessionFigures['quoteIndex'] {
  const Index = workspace.quoteVariants.constructor as new () => SessionType['index']['quoteVariants'];
  const index = new Index();
  const cpu = (run: () => void) => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };
  const paths = workspace.paths();
  const setSeconds = cpu(() => {
    for (const p of paths) index.set(p, (workspace.get(p) as NonNullable<ReturnType<typeof workspace.get>>).digest.quotes);
  });
  // The workspace's own index (the same links): its diagnostics, as a scan publishes them.
  const diagnosticsSeconds = cpu(() => {
    for (const p of paths) workspace.diagnostics(p, QUOTE_CODES);
  });
  return { setSeconds, diagnosticsSeconds, links: index.linkCount() };
}

const QUOTE_CODES: ReadonlySet<'quote-differs' | 'quote-speaker-differs'> = new Set(['quote-differs', 'quote-speaker-differs'] as const);

/**
 * Replaces one word of the text, as a writer does: mostly any word (by a word from elsewhere in
 * the text), and one edit in FIGURE_EDIT_SHARE a figure (by another figure), since figures are
 * what other files' diagnostics depend on.
 */
function replaceOneWord(text: string, random: () => number): string {
  const words = [...text.matchAll(/[A-Za-z0-9][\w,.’'-]*[A-Za-z0-9]|[A-Za-z0-9]/g)];
  const figures = words.filter((w) => /^\d[\d,]*$/.test(w[0]) && !/^(19|20)\d\d$/.test(w[0]));
  const onFigure = figures.length > 0 && random() < FIGURE_EDIT_SHARE;
  const target = onFigure ? figures[Math.floor(random() * figures.length)] : words[Math.floor(random() * words.length)];
  const replacement = onFigure ? Math.max(1, Math.round(Number(target[0].replace(/,/g, '')) * (0.5 + random()))).toLocaleString('en-US') : words[Math.floor(random() * words.length)][0];
  const index = target.index as number;
  return text.slice(0, index) + replacement + text.slice(index + target[0].length);
}



if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
