import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions, DocumentAnalysis } from '../core/analyze';
import type { Payloads } from '../node/cache';
import { decodeDigest, type CacheSnapshot } from '../node/cacheReader';
import type { DocumentDigest } from '../workspace/digest';
import type { WorkerAnswer, WorkerJob, WorkerJobs, WorkerSetup } from './worker';

// Worker threads that read, decode and analyse files for the first scan (and rescans), so a
// folder is indexed on every core while the server's own thread only merges results into the
// workspace and stays free to answer the editor. Edits of ordinary documents are not sent
// here (one is analysed faster in place than a round trip costs); a large open document's text
// is (`analyseText`, on a pool of its own: see session.ts).
//
// Nothing is lost when a worker fails: an analysis that throws comes back as `failed` with
// the text (the caller analyses it in its own thread, where the error is reported), and when
// a worker dies, its files come back as `failed` too and the worker is replaced, up to a limit.

export type PoolResult =
  /**
   * `payloads`: the analysis and the digest as v8.serialize bytes (for the cache); `analysis()`
   * decodes the first. `badEntry`: the cache held this content, but its entry did not check out.
   */
  | { file: string; kind: 'analysed'; text: string; note: string | null; hash: string; digest: DocumentDigest; analysis: () => DocumentAnalysis; payloads: Payloads; badEntry: boolean }
  /** Only the digest: the analysis is in the cache. */
  | { file: string; kind: 'cached'; text: string; note: string | null; hash: string; digest: DocumentDigest }
  /** `gone`: the file was deleted after it was listed. */
  | { file: string; kind: 'unreadable'; reason: string; gone?: boolean }
  | { file: string; kind: 'failed'; text: string | null; error: string }
  | { file: string; kind: 'cancelled' };

/** What `analyseText` gives: the analysis of the text in parts (parts.ts, decodeInTurns) and its content hash. */
export type TextResult = { file: ''; kind: 'parts'; hash: string; parts: Uint8Array[] } | Extract<PoolResult, { kind: 'failed' | 'cancelled' }>;

export interface PoolSetup {
  options: AnalysisOptions;
  maxFileSize: number;
  /** How the size limit is named in messages ("the byline.maxFileSizeKB setting"). */
  sizeSetting: string;
  /** Real paths of the workspace folders: a file whose real path lies in none is not read. */
  within: string[] | null;
  /** The on-disk cache's entries, which workers read instead of analysing. */
  cache: CacheSnapshot | null;
}

/**
 * Files a worker holds at once: one in work and the rest waiting, so it does not idle while the
 * server's thread is busy merging and cannot hand it the next file.
 */
const JOBS_PER_WORKER = 8;
/** Workers replaced after dying before the pool stops starting new ones (and the caller analyses in its own thread). */
const MAX_RESTARTS = 3;
/**
 * Files a worker analyses before it is replaced by a fresh one. Until a worker stops, the
 * server's thread holds about 20 KB of memory outside its heap for every file that worker
 * analysed (measured: 211 MB after a cold scan of 10,000 files, freed when the workers stop);
 * with workers replaced as they go, a cold scan of 10,000 files peaks at 881 MiB instead of
 * 979. A new worker loads the engine and warms it up again: the scan takes 8 s more.
 */
const RECYCLE_AFTER = 1500;
/** Idle workers are stopped after this long, giving their memory (a compromise lexicon each) back. */
const IDLE_MS = 30_000;

interface Job {
  id: number;
  file: string;
  force: boolean;
  /** A text to analyse as it is (an open document), instead of reading `file`. */
  text?: string;
  /** Given to a worker: it can no longer be taken back. */
  sent?: boolean;
  /** Given up before a worker took it. */
  cancelled?: boolean;
  /** Sent again because the cache's entry for it was not an analysis. */
  badEntry?: boolean;
  /** A text job's `resolve` takes a TextResult (see `answered`). */
  resolve: (r: PoolResult | TextResult) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Files it analysed (not answered from the cache). */
  analysed: number;
  /** Given no more files: it is stopped once those it has are answered (see RECYCLE_AFTER). */
  retiring: boolean;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  /** Files waiting for a worker, first first (a scan queues thousands: taken with `next`, not `shift`). */
  private queue: Job[] = [];
  private head = 0;
  private setupMessage: WorkerSetup | null = null;
  private nextId = 1;
  private restarts = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private startedCount = 0;
  /** Told when a worker dies (not when it is let go): a line for the server's log. */
  onWorkerStopped: ((message: string) => void) | null = null;

  constructor(
    /** Worker threads to run; by default one per core. */
    readonly size = Math.max(1, os.availableParallelism()),
    /** The worker's script: dist/worker.js beside dist/server.js, or out/…/worker.js beside this file. */
    private readonly script = path.join(__dirname, 'worker.js'),
    /** Files a worker analyses before a fresh one takes its place (RECYCLE_AFTER). */
    private readonly recycleAfter = RECYCLE_AFTER,
  ) {}

  /** Workers started so far (replacements included). */
  get started(): number {
    return this.startedCount;
  }

  /** Sets what every following file is analysed with. */
  setup(setup: PoolSetup): void {
    this.setupMessage = { type: 'setup', ...setup };
    for (const slot of this.slots) slot.worker.postMessage(this.setupMessage);
  }

  /** Starts every worker now, so that they are ready when the first files come (a scan is about to start). */
  prestart(): void {
    if (this.closed) return;
    while (this.working < this.size && this.restarts <= MAX_RESTARTS) this.start();
    this.pump();
  }

  /** Reads and analyses a file in a worker (or takes its analysis from the cache); `force` analyses it anyway. */
  analyse(file: string, force = false): Promise<PoolResult> {
    if (this.closed) return Promise.resolve({ file, kind: 'cancelled' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, file, force, resolve: resolve as (r: PoolResult | TextResult) => void });
      this.pump();
    });
  }

  /**
   * Analyses a text (an open document's) in a worker. `cancel` gives it up: while it waits, it
   * resolves as `cancelled` and no worker sees it; once a worker has it, it runs to its end (the
   * engine's budget bounds that) and the caller drops the result.
   */
  analyseText(text: string): { result: Promise<TextResult>; cancel: () => void } {
    const job: Job = { id: this.nextId++, file: '', force: true, text, resolve: () => undefined };
    if (this.closed) return { result: Promise.resolve({ file: '', kind: 'cancelled' }), cancel: () => undefined };
    const result = new Promise<TextResult>((resolve) => {
      job.resolve = resolve as (r: PoolResult | TextResult) => void;
      this.queue.push(job);
      this.pump();
    });
    const cancel = () => {
      if (job.sent || job.cancelled) return;
      job.cancelled = true;
      job.resolve({ file: '', kind: 'cancelled' });
    };
    return { result, cancel };
  }

  /** Gives up the files not yet started (a newer scan replaces them); they resolve as `cancelled`. */
  cancelQueued(): void {
    for (const job of this.takeAll()) job.resolve({ file: job.file, kind: 'cancelled' });
  }

  /**
   * Stops the workers that have nothing to do, giving their memory back (a scan's last file is
   * in); the next file starts them again.
   */
  async release(): Promise<void> {
    await this.stopIdle();
  }

  /** Stops every worker; files in work or waiting resolve as `cancelled`. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelQueued();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, 'cancelled')));
  }

  private pump(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // One message per worker for what it is given now: a message costs both threads a turn.
    const batches = new Map<Slot, WorkerJob[]>();
    while (this.waiting > 0) {
      if (this.queue[this.head].cancelled) {
        this.head++;
        continue;
      }
      // A text waits here, not in a worker's queue, until a worker is idle: until then a newer
      // text can take its place.
      const slot = this.freeSlot(this.queue[this.head].text === undefined ? JOBS_PER_WORKER : 1);
      if (!slot) break;
      const job = this.queue[this.head++];
      job.sent = true;
      slot.jobs.set(job.id, job);
      const batch = batches.get(slot);
      const sent: WorkerJob = job.text === undefined ? { id: job.id, file: job.file, force: job.force } : { id: job.id, file: job.file, force: job.force, text: job.text };
      if (batch) batch.push(sent);
      else batches.set(slot, [sent]);
    }
    for (const [slot, jobs] of batches) {
      const message: WorkerJobs = { type: 'jobs', jobs };
      slot.worker.postMessage(message);
    }
    if (this.waiting === 0) {
      this.queue = [];
      this.head = 0;
    }
    if (this.waiting === 0 && this.slots.every((s) => s.jobs.size === 0) && this.slots.length > 0) {
      this.idleTimer = setTimeout(() => void this.stopIdle(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private get waiting(): number {
    return this.queue.length - this.head;
  }

  private takeAll(): Job[] {
    const jobs = this.queue.slice(this.head).filter((j) => !j.cancelled);
    this.queue = [];
    this.head = 0;
    return jobs;
  }

  /** Workers that take files: not retiring. */
  private get working(): number {
    return this.slots.filter((s) => !s.retiring).length;
  }

  /** A worker holding fewer than `limit` files (one started if there is room), or null. */
  private freeSlot(limit: number): Slot | null {
    const free = this.slots.filter((s) => !s.retiring && s.jobs.size < limit).sort((a, b) => a.jobs.size - b.jobs.size)[0];
    if (free) return free;
    if (this.working < this.size && this.restarts <= MAX_RESTARTS) return this.start();
    if (this.slots.length === 0) {
      // No worker can run: the caller analyses these files itself.
      for (const job of this.takeAll()) job.resolve({ file: job.file, kind: 'failed', text: null, error: 'no analysis worker could be started' });
    }
    return null;
  }

  private start(): Slot {
    const worker = new Worker(this.script);
    this.startedCount++;
    const slot: Slot = { worker, jobs: new Map(), analysed: 0, retiring: false };
    if (this.setupMessage) worker.postMessage(this.setupMessage);
    worker.on('message', (answers: WorkerAnswer[]) => {
      for (const answer of answers) this.answered(slot, answer);
      if (slot.retiring && slot.jobs.size === 0) {
        this.slots.splice(this.slots.indexOf(slot), 1);
        void this.stop(slot, 'cancelled');
      }
      // Refilled once for the whole message: one message of jobs, not one per answer.
      this.pump();
    });
    worker.on('error', (e) => this.died(slot, e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => this.died(slot, `the analysis worker stopped (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private answered(slot: Slot, answer: WorkerAnswer): void {
    const job = slot.jobs.get(answer.id);
    if (!job) return;
    slot.jobs.delete(answer.id);
    if ((answer.kind === 'analysed' || answer.kind === 'parts') && ++slot.analysed >= this.recycleAfter) slot.retiring = true;
    if (answer.kind === 'parts') {
      job.resolve({ file: '', kind: 'parts', hash: answer.hash, parts: answer.parts });
      return;
    }
    const result = toResult(job.file, answer);
    if (!result) {
      // The cached digest's bytes were intact but are not a digest: the file is analysed after all.
      this.queue.splice(this.head, 0, { ...job, force: true, badEntry: true });
    } else {
      if (job.badEntry && result.kind === 'analysed') result.badEntry = true;
      job.resolve(result);
    }
  }

  /** A worker died: its files fail (to be analysed by the caller) and another worker takes its place. */
  private died(slot: Slot, error: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.restarts++;
    const files = slot.jobs.size;
    const next = this.closed ? '' : this.restarts <= MAX_RESTARTS ? '; another takes its place' : `; it is not replaced (${this.restarts} have stopped), and files are analysed in the server's thread`;
    this.onWorkerStopped?.(`Byline: an analysis worker stopped (${error}) with ${files} ${files === 1 ? 'file' : 'files'} in hand, which are analysed again${next}`);
    for (const job of slot.jobs.values()) job.resolve({ file: job.file, kind: 'failed', text: null, error });
    slot.jobs.clear();
    if (!this.closed) this.pump();
  }

  private async stopIdle(): Promise<void> {
    const idle = this.slots.filter((s) => s.jobs.size === 0);
    for (const slot of idle) this.slots.splice(this.slots.indexOf(slot), 1);
    await Promise.all(idle.map((slot) => this.stop(slot, 'cancelled')));
  }

  private async stop(slot: Slot, kind: 'cancelled'): Promise<void> {
    for (const job of slot.jobs.values()) job.resolve({ file: job.file, kind });
    slot.jobs.clear();
    slot.worker.removeAllListeners();
    // Stopping is not dying: nothing is replaced, and a late error has nowhere to go.
    slot.worker.on('error', () => undefined);
    await slot.worker.terminate();
  }
}

function toResult(file: string, answer: Exclude<WorkerAnswer, { kind: 'parts' }>): PoolResult | null {
  switch (answer.kind) {
    case 'analysed': {
      const payloads: Payloads = { analysis: answer.payload, digest: answer.digest };
      const analysis = () => v8.deserialize(payloads.analysis) as DocumentAnalysis;
      return { file, kind: 'analysed', text: answer.text, note: answer.note, hash: answer.hash, digest: v8.deserialize(answer.digest) as DocumentDigest, analysis, payloads, badEntry: answer.badEntry };
    }
    case 'cached': {
      const digest = decodeDigest(answer.digest);
      return digest ? { file, kind: 'cached', text: answer.text, note: answer.note, hash: answer.hash, digest } : null;
    }
    case 'unreadable':
      return { file, kind: 'unreadable', reason: answer.reason, gone: answer.gone };
    case 'failed':
      return { file, kind: 'failed', text: answer.text, error: answer.error };
  }
}
