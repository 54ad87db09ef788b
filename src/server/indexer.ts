import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { analyzeDocument, type AnalysisOptions, type DocumentAnalysis } from '../core/analyze';
import type { AnalysisCache } from '../node/cache';
import { readArticle } from '../node/files';
import type { DocumentInput, Workspace } from '../workspace/workspace';
import type { AnalysisPool } from './pool';

// Reading files from disk into the workspace: a whole folder through the worker pool (the
// first scan), or one file in the server's thread (the file watcher, a closed editor). Both
// look in the on-disk cache first and put what they analyse into it.
//
// During a scan the server's thread only merges: results are taken in batches, as soon as a
// slice's worth is waiting or every MERGE_INTERVAL_MS, and between two slices of a batch the
// editor's requests are answered.
// Speakers are merged without being clustered, and clustered once the scan is done
// (settleSpeakers): clustering every name of a folder at once costs a fraction of doing it a
// batch at a time (the blocks of common surnames are redone each time; on a warm start of
// 10,000 files, clustering every thousand files cost a second more). Nothing waits for it: a
// request about a file clusters that file's names first (SpeakerIndex.setMany), and the
// diagnostics of closed files name no speaker.

/** How long a scan waits for a slice's worth of files before merging what the workers returned. */
const MERGE_INTERVAL_MS = 100;
/** Files merged between two turns of the event loop: about a millisecond each, so a request waits tens of ms at most. */
const MERGE_SLICE = 32;
/** Blocks of names clustered between two turns of the event loop. */
const SETTLE_SLICE = 100;
/** Records put in the cache (an analysis and its digest each) before they are written out, so a scan's memory stays flat. */
const CACHE_FLUSH_ENTRIES = 500;
/** How the size limit is named in messages about files it refused. */
export const SIZE_SETTING = 'the byline.maxFileSizeKB setting';

export interface IndexTarget {
  workspace: Workspace;
  options: AnalysisOptions;
  maxFileSize: number;
  /** Real paths of the workspace folders: no file is read whose real path lies in none (null: no such check). */
  within: string[] | null;
  /** Open documents: the editor's text counts over the disk's. */
  isOpen(uri: string): boolean;
  /** True once the scan is superseded or cancelled; what is left is dropped. */
  stale(): boolean;
  progress(done: number, total: number): void;
}

export interface IndexOutcome {
  /** Paths whose diagnostics may have changed. */
  changed: Set<string>;
  /** Files that could not be read or analysed, with the reason; the caller removes them from the index. */
  skipped: Map<string, string>;
  /** Files deleted after they were listed: the caller removes them, and they are not reported. */
  gone: Set<string>;
  /** Files whose analysis came from the cache. */
  fromCache: number;
  /** Files read with a note on how they were decoded (not UTF-8: read as Windows-1252). */
  notes: Map<string, string>;
}

/** A file read for the workspace: its analysis, or (from the cache) only its digest. */
interface Arrival extends DocumentInput {
  /** The text's content hash (Workspace.hashOf), computed once, where the file was read. */
  hash: string;
  note: string | null;
  cached?: boolean;
}

/** What reading one file in this thread gives: as an Arrival, without the path. */
type Read = Omit<Arrival, 'path'>;

/** A file that could not be read, and why; `gone` when it no longer exists. */
export interface Unread {
  reason: string;
  gone?: boolean;
}

export class Indexer {
  constructor(
    private readonly pool: AnalysisPool | null,
    private readonly cache: AnalysisCache | null,
  ) {}

  /** Reads every file of `uris` into the workspace, on the pool's threads when there is a pool. */
  async readAll(uris: readonly string[], target: IndexTarget): Promise<IndexOutcome> {
    const outcome: IndexOutcome = { changed: new Set(), skipped: new Map(), gone: new Set(), fromCache: 0, notes: new Map() };
    const arrived: Arrival[] = [];
    /** Wakes the merging loop once a slice's worth of files is waiting (a warm start reads faster than it merges). */
    let wake: (() => void) | null = null;
    let done = 0;
    const take = async (uri: string): Promise<void> => {
      const got = target.stale() ? null : await this.readInWorker(uri, target);
      if (got === null) return;
      if ('reason' in got) {
        if (got.gone) outcome.gone.add(uri);
        else outcome.skipped.set(uri, got.reason);
      }
      else {
        arrived.push(got);
        if (got.note) outcome.notes.set(uri, got.note);
        if (wake && arrived.length >= MERGE_SLICE) {
          wake();
          wake = null;
        }
      }
      if ('cached' in got && got.cached) outcome.fromCache++;
      done++;
    };
    this.pool?.setup({ options: target.options, maxFileSize: target.maxFileSize, sizeSetting: SIZE_SETTING, within: target.within, cache: this.cache?.snapshot() ?? null });
    // The pool queues every file and runs as many as it has threads; without one, files are read one by one.
    const all = this.pool ? Promise.all(uris.map(take)) : uris.reduce((chain, uri) => chain.then(() => take(uri)), Promise.resolve());
    let finished = false;
    // The workers' memory is given back before the last merges, when the index is largest.
    void all.then(() => {
      finished = true;
      return this.pool?.release();
    });
    while (!finished || arrived.length > 0) {
      if (arrived.length < MERGE_SLICE) await Promise.race([all, delay(MERGE_INTERVAL_MS), new Promise<void>((resolve) => (wake = resolve))]);
      if (target.stale()) {
        // What was merged stays in the index (its speakers are clustered when asked about, or by settleSpeakers).
        this.pool?.cancelQueued();
        await all;
        return outcome;
      }
      const batch = arrived.splice(0);
      for (let i = 0; i < batch.length; i += MERGE_SLICE) {
        // Between two slices the editor's requests are answered; a file opened meanwhile keeps the editor's text.
        const slice = batch.slice(i, i + MERGE_SLICE).filter((a) => !target.isOpen(a.path));
        for (const p of target.workspace.setMany(slice, true)) outcome.changed.add(p);
        await nextTurn();
      }
      target.progress(done, uris.length);
      if (this.cache && this.cache.pendingCount >= CACHE_FLUSH_ENTRIES) void this.cache.flush();
    }
    if (this.cache) {
      await this.cache.flush();
      await this.cache.compact(new Set(target.workspace.paths().map((p) => target.workspace.get(p)?.hash ?? '')));
    }
    return outcome;
  }

  /** Reads one file in this thread (the watcher saw it change; an editor closed it). */
  async readOne(uri: string, target: IndexTarget): Promise<Read | Unread> {
    const read = await readArticle(fileURLToPath(uri), target.maxFileSize, SIZE_SETTING, target.within);
    if (!read.ok) return { reason: read.reason, gone: read.gone };
    const hash = target.workspace.hashOf(read.text);
    const digest = this.cache?.digest(hash);
    if (digest) return { text: read.text, hash, note: read.note, digest, cached: true };
    return { text: read.text, hash, note: read.note, analysis: this.analyseHere(read.text, hash, target) };
  }

  /** Analyses a text in this thread and keeps the result in the cache under `hash`. */
  private analyseHere(text: string, hash: string, target: IndexTarget): DocumentAnalysis {
    const analysis = analyzeDocument(text, target.options);
    if (this.cache) {
      this.cache.put(hash, analysis);
      void this.cache.flush();
    }
    return analysis;
  }

  /** One file through the pool: the cache's analysis, the worker's, or (when the worker failed) this thread's. */
  private async readInWorker(uri: string, target: IndexTarget): Promise<Arrival | Unread | null> {
    if (!this.pool) {
      const one = await this.readOne(uri, target);
      return 'reason' in one ? one : { path: uri, ...one };
    }
    const result = await this.pool.analyse(fileURLToPath(uri));
    switch (result.kind) {
      case 'cached':
        return { path: uri, text: result.text, hash: result.hash, note: result.note, digest: result.digest, cached: true };
      case 'analysed':
        // The worker analysed it because the cache had no entry, or one that did not check out.
        if (!this.cache) return { path: uri, text: result.text, hash: result.hash, note: result.note, digest: result.digest, analysis: result.analysis() };
        if (result.badEntry) this.cache.forget(result.hash);
        // The analysis is read back from the cache when someone looks at the file.
        this.cache.putBytes(result.hash, result.payloads);
        return { path: uri, text: result.text, hash: result.hash, note: result.note, digest: result.digest };
      case 'unreadable':
        return { reason: result.reason, gone: result.gone };
      case 'failed':
        return this.recover(uri, result.text, result.error, target);
      case 'cancelled':
        return null;
    }
  }

  /** A worker failed on this file: it is analysed here, and if that fails too, reported. */
  private async recover(uri: string, text: string | null, workerError: string, target: IndexTarget): Promise<Arrival | Unread> {
    try {
      if (text === null) {
        const one = await this.readOne(uri, target);
        return 'reason' in one ? one : { path: uri, ...one };
      }
      const hash = target.workspace.hashOf(text);
      return { path: uri, text, hash, note: null, analysis: this.analyseHere(text, hash, target) };
    } catch (e) {
      console.error(`Byline: analysing ${uri} failed in a worker (${workerError}) and in the server (${e instanceof Error ? (e.stack ?? e.message) : String(e)})`);
      return { reason: `the analysis failed (${e instanceof Error ? e.message : String(e)}); skipped` };
    }
  }
}

/**
 * Clusters the speakers a scan merged and left unclustered (`readAll` returns without them:
 * every question about a document clusters its names first, see SpeakerIndex.setMany), a
 * slice of blocks at a time, answering the editor in between. `changed` is given the paths
 * whose speakers changed.
 */
export async function settleSpeakers(workspace: Workspace, stale: () => boolean, changed: (paths: Set<string>) => void): Promise<void> {
  while (workspace.unsettled > 0 && !stale()) {
    changed(workspace.settle(SETTLE_SLICE));
    await nextTurn();
  }
}

