import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, DiagnosticCode, Severity } from '../core/types';
import { LineIndex } from '../core/text/lineIndex';
import { analyzeDocument } from '../core/analyze';
import { AnalysisCache } from '../node/cache';
import { ENGINE_VERSION } from '../node/engineVersion';
import { findFiles, folderLeftOut, ignoredByGit, isInside, matchesFilter, OUTSIDE_WORKSPACE, sizeRefusal } from '../node/files';
import type { StatusParams, WireRange } from '../shared/protocol';
import { Workspace, type AnalysisSource, type DocumentInput } from '../workspace/workspace';
import { ProjectDecisions } from './projectDecisions';
import { toLspDiagnostic } from './convert';
import { Indexer, settleSpeakers, SIZE_SETTING, type IndexTarget } from './indexer';
import type { AnalysisPool } from './pool';
import { decodeInTurns } from './parts';
import { DEFAULT_SETTINGS, filterOf, type Settings } from './settings';

// The language server's view of the workspace: the files under the include globs as they
// are on disk, overridden by what is open (unsaved edits count), kept current by the file
// watcher. Edits are debounced, and a result is published only if the document has not
// changed again meanwhile. Files that are not open only show what needs attention
// (conflicts, unclosed quotes); open files show every quote.
//
// Scans read files on the worker pool and through the on-disk cache (indexer.ts); edits are
// analysed here, at once: one document costs less than a round trip to a worker. A large open
// document is analysed on a worker of its own instead (see OFF_THREAD_CHARS), so that no
// document holds this thread, and with it every hover and every other file's diagnostics.

export interface SessionHost {
  publish(uri: string, diagnostics: LspDiagnostic[]): void;
  status(params: StatusParams): void;
  /** Begins a cancellable progress report; returns null where the client cannot show one. */
  progress(title: string): Promise<Progress | null>;
  /** A line for the server's log (the Output panel in VS Code). */
  log?(message: string): void;
}

export interface Progress {
  report(percentage: number, message: string): void;
  readonly cancelled: boolean;
  done(): void;
}

/** Pause after the last keystroke before an edit is analysed. */
export const EDIT_DEBOUNCE_MS = 150;
/** Files published between two yields to the event loop, so requests are answered meanwhile. */
const PUBLISH_BATCH = 200;
/** The status (files, conflicts) is sent at most this often: counting conflicts walks every claim group. */
const STATUS_INTERVAL_MS = 500;
/** The cache's folder inside the storage folder the editor gives Byline. */
const CACHE_FOLDER = 'analysis-cache';
/** A sentence that has the engine load everything an edit needs: the lexicon, cue verbs, claims' tags. */
export const WARM_UP_TEXT = 'The mayor said 20 soldiers were killed in Kherson, “and more will come.”';
/**
 * Open documents longer than this are analysed on the edit worker. The engine's worst case is
 * about 2 s a million characters (docs/worst-case.md): a shorter document holds this thread
 * under 100 ms, less than a round trip to a worker costs for an ordinary article.
 */
export const OFF_THREAD_CHARS = 50_000;
/** How long one turn of the server's thread prepares a large document's quotes and claims before its merge (Workspace.prepare). */
const PREPARE_SLICE_MS = 20;
/** Diagnostics published for one file at most (see `capped`). */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;
const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };
/** Codes shown for files that are not open: those that need attention. */
const CLOSED_FILE_CODES: ReadonlySet<DiagnosticCode> = new Set(['conflicting-claim', 'unclosed-quote', 'analysis-truncated']);

export class Session {
  private workspace: Workspace;
  private settings: Settings = DEFAULT_SETTINGS;
  /** The editor's settings, before the decisions files' settings are laid over them. */
  private editorSettings: Settings = DEFAULT_SETTINGS;
  /** Each workspace folder's byline.json: the reader's decisions and the project's settings. */
  readonly decisions: ProjectDecisions;
  private folders: string[] = [];
  /** The workspace folders' real paths, found again at every scan and every change on disk: no file is read outside them. */
  private realFolders: string[] | null = null;
  /** Open documents and their latest version. */
  private readonly open = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly published = new Set<string>();
  private readonly skipped = new Map<string, string>();
  /** What the log has said about each file (skipped, or decoded as Windows-1252), so it is said once, not at every scan. */
  private readonly told = new Map<string, string>();
  /** Open documents whose text a worker is analysing: the latest request for each (see `edit`). */
  private readonly analysing = new Map<string, { cancel: () => void }>();
  /** Where the diagnostic codes are documented, as a URI (see convert.ts). */
  private docs: ((code: string) => string) | null = null;
  private readonly lines = new Map<string, { hash: string; index: LineIndex }>();
  private scanGeneration = 0;
  private indexing = false;
  private indexer: Indexer;
  private cache: AnalysisCache | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  /** Clustering the speakers the last scan left (indexer.ts, settleSpeakers); resolves when it is done or superseded. */
  speakersSettled: Promise<void> = Promise.resolve();
  /** Files a scan changed whose diagnostics are still to be published. */
  private readonly unpublished = new Set<string>();
  /**
   * What the watcher reports and the reads of single files, done one at a time in the order
   * they came: a file read for a Changed event must not land after the Deleted event that
   * followed it.
   */
  private diskWork: Promise<void> = Promise.resolve();
  /**
   * Paths the watcher named while a scan ran. The scan's workers may have read them before the
   * change, and its list of files is older than any file created since: they are looked at
   * again once the scan is done, so that the index ends as the disk is.
   */
  private readonly touched = new Set<string>();

  /**
   * `pool`: worker threads for scans; without one, files are analysed in this thread.
   * `editPool`: a worker for large open documents (OFF_THREAD_CHARS), apart from the scan's so
   * that an edit never waits behind a scan's files; without one, they are analysed here too.
   */
  constructor(
    private readonly host: SessionHost,
    private readonly pool: AnalysisPool | null = null,
    private readonly editPool: AnalysisPool | null = null,
  ) {
    this.decisions = new ProjectDecisions(host);
    this.workspace = this.newWorkspace();
    this.indexer = new Indexer(pool, null);
    if (pool && host.log) pool.onWorkerStopped = (message) => host.log?.(message);
  }

  /** Links every diagnostic's code to where it is documented (src/node/docs.ts). */
  documentCodesWith(links: ((code: string) => string) | null): void {
    this.docs = links;
  }

  /**
   * Keeps analyses in `storage` (the folder the editor gives the extension) from now on, so the
   * next start does not analyse unchanged files again. Without it nothing is written anywhere.
   */
  useStorage(storage: string | null): void {
    this.cache = storage ? this.openCache(path.join(storage, CACHE_FOLDER)) : null;
    this.indexer = new Indexer(this.pool, this.cache);
    this.workspace.readAnalysesFrom(this.analysisSource());
  }

  /** The cache in `folder`, or none when it cannot be read (a folder where its file should be, say): it is only an optimisation. */
  private openCache(folder: string): AnalysisCache | null {
    try {
      return AnalysisCache.open(folder, ENGINE_VERSION);
    } catch (e) {
      this.host.log?.(`Byline: the analysis cache in ${folder} cannot be used (${e instanceof Error ? e.message : String(e)}); working without a cache`);
      return null;
    }
  }

  /** Where the workspace reads back the analyses it keeps only the digest of: the cache, when there is one. */
  private analysisSource(): AnalysisSource | null {
    const cache = this.cache;
    return cache ? (hash) => cache.get(hash) : null;
  }

  /** Stops the worker threads and any pending work. */
  async dispose(): Promise<void> {
    this.scanGeneration++;
    for (const timer of this.pending.values()) clearTimeout(timer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    for (const job of this.analysing.values()) job.cancel();
    this.analysing.clear();
    await Promise.all([this.pool?.close(), this.editPool?.close()]);
  }

  get index(): Workspace {
    return this.workspace;
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
  }

  /** Applies the editor's settings, under those of the decisions files; returns true when a rescan is due. */
  configure(settings: Settings): boolean {
    this.editorSettings = settings;
    return this.configureEffective(this.decisions.settingsOver(settings));
  }

  /**
   * Reads every folder's decisions file again (at start, and when the folders change) and
   * applies it; returns true when its settings change the files to read or their analysis.
   */
  async loadDecisions(): Promise<boolean> {
    await this.decisions.load(this.folders);
    return this.decisionsChanged();
  }

  /** A decisions file open in the editor changed (unsaved edits count, as for articles), or was closed (null). */
  decisionsEdited(uri: string, text: string | null): void {
    this.decisions.edited(uri, text);
    if (this.decisionsChanged()) void this.scan();
  }

  private decisionsChanged(): boolean {
    const rescan = this.configureEffective(this.decisions.settingsOver(this.editorSettings));
    this.publishAll(this.workspace.setDecisions(this.decisions.current()));
    this.decisions.publish(this.workspace, this.workspace.size > 0 && !this.indexing);
    return rescan;
  }

  /** Applies the settings in force; returns true when the set of files to read changed (a rescan is due). */
  private configureEffective(settings: Settings): boolean {
    const filesChanged =
      JSON.stringify([settings.include, settings.exclude, settings.gitignore, settings.folderFilters, settings.maxFileSize]) !==
      JSON.stringify([this.settings.include, this.settings.exclude, this.settings.gitignore, this.settings.folderFilters, this.settings.maxFileSize]);
    const analysisChanged = JSON.stringify([settings.cueVerbs, settings.numericTolerance]) !== JSON.stringify([this.settings.cueVerbs, this.settings.numericTolerance]);
    this.settings = settings;
    if (analysisChanged) {
      // Cue verbs change every analysis: start from an empty index and read everything again.
      this.workspace = this.newWorkspace();
      return true;
    }
    this.publishAll(this.workspace.configure({ severities: settings.severities }));
    return filesChanged;
  }

  private newWorkspace(): Workspace {
    const workspace = new Workspace({ analysis: { cueVerbs: this.settings.cueVerbs }, severities: this.settings.severities, numericTolerance: this.settings.numericTolerance });
    workspace.readAnalysesFrom(this.analysisSource());
    workspace.setDecisions(this.decisions.current());
    return workspace;
  }

  // ── Open documents ───────────────────────────────────────────────────────────────────

  /** True when Byline analyses this document (the include/exclude globs accept it). */
  accepts(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    const folder = this.folders.find((f) => file === f || file.startsWith(f + path.sep));
    const relative = folder ? path.relative(folder, file) : path.basename(file);
    return matchesFilter(relative, filterOf(this.settings, folder ?? null));
  }

  opened(uri: string, text: string, version: number): void {
    if (!this.accepts(uri)) return;
    this.open.set(uri, version);
    this.edit(uri, text);
  }

  changed(uri: string, text: string, version: number): void {
    if (!this.open.has(uri)) return;
    this.open.set(uri, version);
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        // A newer edit arrived while this one waited: it will be analysed instead.
        if (this.open.get(uri) === version) this.edit(uri, text);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** Applies an edit now (tests and benchmarks; the editor goes through `changed`). */
  applyNow(uri: string, text: string): Set<string> {
    return this.apply(uri, text);
  }

  async closed(uri: string): Promise<void> {
    if (!this.open.delete(uri)) return;
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.supersede(uri);
    // Unsaved edits are gone with the editor: the file on disk counts again (or none, if there is none).
    await this.serially(async () => {
      const changed = await this.follow(uri);
      changed.add(uri);
      this.publishAll(changed);
    });
  }

  // ── Files on disk ────────────────────────────────────────────────────────────────────

  /** Reads every file under the include globs of every folder. A newer scan cancels an older one. */
  async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.indexing = true;
    this.sendStatus();
    const progress = await this.host.progress('Byline: indexing articles');
    const stale = () => generation !== this.scanGeneration || progress?.cancelled === true;
    const started = Date.now();
    // The workers load the engine (half a second each) while this thread lists the files.
    this.pool?.prestart();
    try {
      this.realFolders = await this.realRoots();
      const found = await findFiles(this.folders, (root) => filterOf(this.settings, root), { confine: true });
      const uris = new Set(found.files.map((f) => pathToFileURL(f).href));
      this.skipped.clear();
      for (const s of found.skipped) this.skip(pathToFileURL(s.path).href, s.reason);
      const target: IndexTarget = {
        ...this.indexTarget(),
        stale,
        progress: (done, total) => {
          progress?.report((100 * done) / total, `${done} of ${total} files`);
          this.scheduleStatus();
        },
      };
      const outcome = await this.indexer.readAll([...uris].filter((u) => !this.open.has(u)), target);
      if (stale()) {
        // A scan the user cancelled leaves its speakers to be clustered too; a newer scan takes over.
        this.settleSpeakers(generation);
        // Cancelled, not superseded: what the watcher reported meanwhile is not left to a scan that will not come.
        if (generation === this.scanGeneration) await this.followTouched();
        return;
      }
      const changed = outcome.changed;
      for (const [uri, reason] of outcome.skipped) {
        this.skip(uri, reason);
        for (const p of this.remove(uri)) changed.add(p);
      }
      for (const uri of outcome.gone) for (const p of this.forget(uri)) changed.add(p);
      for (const [uri, note] of outcome.notes) this.tell(uri, note);
      // Files that no longer match (settings changed) leave the index; those the watcher
      // reported since the scan listed the folders are looked at again instead (followTouched).
      for (const uri of this.workspace.paths()) {
        if (!uris.has(uri) && !this.open.has(uri) && !isUnderAny(uri, this.touched)) for (const p of this.remove(uri)) changed.add(p);
      }
      for (const p of changed) this.unpublished.add(p);
      await this.publishInBatches(stale);
      await this.followTouched();
      // Decisions about files the scan found, or no longer found, are stale or not any more.
      this.decisions.publish(this.workspace);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      this.host.log?.(`Indexed ${this.workspace.size} files in ${seconds} s (${outcome.fromCache} from the cache, ${outcome.skipped.size} skipped)`);
      this.settleSpeakers(generation);
    } finally {
      progress?.done();
      if (generation === this.scanGeneration) this.indexing = false;
      this.sendStatus();
    }
  }

  /**
   * Clusters the speakers a scan left, after it (indexer.ts); stops when a newer scan starts.
   * Then, unless an edit came first, this thread loads the engine (compromise and its tables,
   * a quarter of a second) for the edits to come: a warm start does not need it.
   */
  private settleSpeakers(generation: number): void {
    // Closed files name no speaker: what clustering changes is republished for open files only.
    const publishOpen = (paths: Set<string>) => this.publishAll([...paths].filter((p) => this.open.has(p)));
    const stale = () => generation !== this.scanGeneration;
    this.speakersSettled = settleSpeakers(this.workspace, stale, publishOpen);
    void this.speakersSettled.then(() => setImmediate(() => stale() || analyzeDocument(WARM_UP_TEXT, { cueVerbs: this.settings.cueVerbs })));
  }

  /** The file watcher saw a file or a folder appear or change. */
  fileChanged(uri: string): Promise<void> {
    // A .gitignore written or edited may leave out, or take back, files anywhere below it.
    if (uri.endsWith('/.gitignore')) return this.scan();
    return this.watched(uri);
  }

  /** The file watcher saw a file or a folder disappear. */
  fileDeleted(uri: string): Promise<void> {
    if (uri.endsWith('/.gitignore')) return this.scan();
    return this.watched(uri);
  }

  /**
   * Either event is taken as a hint: the index follows what is on the disk at `uri` when the
   * event's turn comes (a file deleted and written again before its Deleted event is read, not
   * dropped), and a scan under way looks at it again when it ends.
   */
  private watched(uri: string): Promise<void> {
    if (this.decisions.isDecisionsFile(uri)) {
      return this.serially(async () => {
        if ((await this.decisions.reload(uri)) && this.decisionsChanged()) void this.scan();
      });
    }
    if (this.indexing) this.touched.add(uri);
    return this.serially(async () => this.publishAll(await this.follow(uri)));
  }

  /** Runs `work` after every disk task before it, one at a time (see `diskWork`). */
  private serially(work: () => Promise<void>): Promise<void> {
    const done = this.diskWork.then(work);
    this.diskWork = done.catch((e) => this.host.log?.(`Byline: following a change on disk failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    return this.diskWork;
  }

  /** Looks again at every path the watcher named during the scan that just ended. */
  private async followTouched(): Promise<void> {
    const touched = [...this.touched];
    this.touched.clear();
    if (touched.length === 0) return;
    await this.serially(async () => {
      const changed = new Set<string>();
      for (const uri of touched) for (const p of await this.follow(uri)) changed.add(p);
      this.publishAll(changed);
    });
  }

  /**
   * Makes the index hold what the disk holds at `uri` (a file, a folder, or nothing), reading
   * only what lies inside a workspace folder once links are resolved. Returns the paths whose
   * diagnostics may have changed. Open documents keep the editor's text.
   */
  private async follow(uri: string): Promise<Set<string>> {
    if (!uri.startsWith('file:')) return new Set();
    const file = fileURLToPath(uri);
    const place = await this.placeOf(file);
    const changed = new Set<string>();
    const forgetAll = () => {
      for (const p of this.pathsUnder(uri)) for (const c of this.forget(p)) changed.add(c);
    };
    switch (place.kind) {
      case 'gone':
        forgetAll();
        break;
      case 'outside':
        forgetAll();
        this.skip(uri, OUTSIDE_WORKSPACE);
        break;
      case 'folder': {
        if (folderLeftOut(path.relative(place.root, file), filterOf(this.settings, place.root))) {
          forgetAll();
          break;
        }
        const found = await findFiles([file], filterOf(this.settings, place.root), { confine: true, root: place.root });
        const uris = new Set(found.files.map((f) => pathToFileURL(f).href));
        for (const s of found.skipped) this.skip(pathToFileURL(s.path).href, s.reason);
        for (const p of this.pathsUnder(uri)) if (!uris.has(p)) for (const c of this.forget(p)) changed.add(c);
        for (const u of uris) {
          if (this.open.has(u)) continue;
          for (const c of await this.readFromDisk(u)) changed.add(c);
          await nextTurn();
        }
        break;
      }
      case 'file':
        if (this.open.has(uri)) break;
        if (this.accepts(uri) && !(await ignoredByGit(file, place.root, filterOf(this.settings, place.root)))) for (const c of await this.readFromDisk(uri)) changed.add(c);
        else for (const c of this.forget(uri)) changed.add(c);
        break;
    }
    return changed;
  }

  /**
   * Where a path leads: nothing, a file or a folder inside a workspace folder (with that
   * folder), or a place outside every workspace folder, which Byline does not read whatever
   * route names it (scan, watcher, a closed editor).
   */
  private async placeOf(file: string): Promise<{ kind: 'gone' | 'outside' } | { kind: 'file' | 'folder'; root: string }> {
    const root = this.folders.find((f) => isInside(file, f));
    // Not under any workspace folder by its name: not a path the watcher of this workspace names.
    if (root === undefined) return { kind: 'gone' };
    let real: string;
    try {
      real = await fs.realpath(file);
    } catch {
      // Gone, or a broken link: either way there is nothing to read.
      return { kind: 'gone' };
    }
    // A link may lead into another workspace folder; anywhere else is outside.
    this.realFolders = await this.realRoots();
    if (!this.realFolders.some((r) => isInside(real, r))) return { kind: 'outside' };
    try {
      const stat = await fs.stat(real);
      return { kind: stat.isDirectory() ? 'folder' : 'file', root };
    } catch {
      return { kind: 'gone' };
    }
  }

  /** The real paths of the workspace folders that exist. */
  private async realRoots(): Promise<string[]> {
    const real = await Promise.all(this.folders.map((f) => fs.realpath(f).catch(() => null)));
    return real.filter((r): r is string => r !== null);
  }

  /** Indexed or skipped paths that are `uri` or lie under it (a folder). Open documents are left alone. */
  private pathsUnder(uri: string): string[] {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    const known = new Set([...this.workspace.paths(), ...this.skipped.keys(), uri]);
    return [...known].filter((p) => (p === uri || p.startsWith(prefix)) && !this.open.has(p));
  }

  /** A file that is no longer there: out of the index, and no longer listed as skipped. */
  private forget(uri: string): Set<string> {
    this.skipped.delete(uri);
    this.told.delete(uri);
    return this.workspace.get(uri) ? this.remove(uri) : new Set();
  }

  private indexTarget(): IndexTarget {
    return {
      workspace: this.workspace,
      options: { cueVerbs: this.settings.cueVerbs },
      maxFileSize: this.settings.maxFileSize,
      within: this.realFolders,
      isOpen: (uri) => this.open.has(uri),
      stale: () => false,
      progress: () => undefined,
    };
  }

  private async readFromDisk(uri: string): Promise<Set<string>> {
    const read = await this.indexer.readOne(uri, this.indexTarget());
    if ('reason' in read) {
      if (read.gone) return this.forget(uri);
      this.skip(uri, read.reason);
      return this.remove(uri);
    }
    this.skipped.delete(uri);
    if (read.note) this.tell(uri, read.note);
    else this.told.delete(uri);
    return this.workspace.setMany([{ path: uri, ...read }]);
  }

  /** A file left out of the index: the status lists it, and the log says why, once. */
  private skip(uri: string, reason: string): void {
    this.skipped.set(uri, reason);
    this.tell(uri, reason);
  }

  /** One line in the log about a file, unless the same was already said about it. */
  private tell(uri: string, what: string): void {
    if (this.told.get(uri) === what) return;
    this.told.set(uri, what);
    this.host.log?.(`${fileURLToPath(uri)}: ${what}`);
  }

  private remove(uri: string): Set<string> {
    const changed = this.workspace.remove(uri);
    this.lines.delete(uri);
    changed.add(uri);
    return changed;
  }

  /**
   * An open document's new text: analysed here, or on the edit worker when it is large. A newer
   * text supersedes an older one still being analysed there: the older is given up if no worker
   * has it yet, and its result dropped otherwise.
   */
  private edit(uri: string, text: string): void {
    if (!this.editPool || text.length <= OFF_THREAD_CHARS || this.refusal(text)) {
      this.apply(uri, text);
      return;
    }
    this.supersede(uri);
    const options = { cueVerbs: this.settings.cueVerbs };
    this.editPool.setup({ options, maxFileSize: this.settings.maxFileSize, sizeSetting: SIZE_SETTING, within: null, cache: null });
    const job = this.editPool.analyseText(text);
    const request = { cancel: job.cancel };
    this.analysing.set(uri, request);
    const workspace = this.workspace;
    const current = () => this.analysing.get(uri) === request && this.open.has(uri);
    void job.result.then(async (result) => {
      if (!current()) return;
      if (result.kind === 'parts') {
        // Decoded a part per turn, then merged in a turn of its own: requests are answered in between.
        const analysis = await decodeInTurns(result.parts, current);
        if (analysis === null) return;
        // What the merge costs per quote and per claim done a slice per turn too (Workspace.prepare): the merge then finds it done.
        const steps = workspace.prepare(uri, analysis, PREPARE_SLICE_MS);
        let step = steps.next();
        for (; !step.done; step = steps.next()) {
          await nextTurn();
          if (!current()) return;
        }
        await nextTurn();
        if (!current()) return;
        this.analysing.delete(uri);
        // Settings that change the analysis came meanwhile: analyse again with them.
        if (workspace !== this.workspace) this.edit(uri, text);
        else {
          // Each file the merge changed is published in a turn of its own: the diagnostics of a
          // 900 KB article took 60 to 100 ms, and those of the files beside it as long again.
          const changed = this.merge(uri, text, { hash: result.hash, analysis, digest: step.value });
          for (const p of changed) {
            await nextTurn();
            this.publish(p);
          }
          this.scheduleStatus();
        }
        return;
      }
      this.analysing.delete(uri);
      // The analysis threw, or no worker could start: here the error is reported, or the work done.
      if (result.kind === 'failed') this.apply(uri, text);
    });
  }

  /** Gives up the analysis of an older text of `uri` on the edit worker, if any. */
  private supersede(uri: string): void {
    this.analysing.get(uri)?.cancel();
    this.analysing.delete(uri);
  }

  /** Why an open document's text is not analysed (too large), or null. */
  private refusal(text: string): string | null {
    // An open document is held to the size limit the disk's files are: a 10 MB line blocked the server for seconds.
    const refused = sizeRefusal(textBytes(text, this.settings.maxFileSize), this.settings.maxFileSize, SIZE_SETTING);
    return refused && !refused.ok ? refused.reason : null;
  }

  /** Takes in an open document's text (`merge`) and publishes what changed. */
  private apply(uri: string, text: string): Set<string> {
    const changed = this.merge(uri, text);
    this.publishAll(changed);
    return changed;
  }

  /**
   * Takes in an open document's text; returns the paths whose diagnostics are to be published.
   * `analysed`: the text's analysis, made on the edit worker (and its digest, prepared).
   */
  private merge(uri: string, text: string, analysed?: Pick<DocumentInput, 'hash' | 'analysis' | 'digest'>): Set<string> {
    // A text analysed here or taken from the worker is the latest: nothing older may land after it.
    if (!analysed) this.supersede(uri);
    const refused = this.refusal(text);
    if (refused) {
      this.skip(uri, refused.replace(/skipped$/, 'not analysed while open'));
      return this.remove(uri);
    }
    if (this.skipped.delete(uri)) this.told.delete(uri);
    const changed = analysed ? this.workspace.setMany([{ path: uri, text, ...analysed }]) : this.workspace.set(uri, text);
    changed.add(uri);
    // An edit may take away the words a decision is about (or bring them back).
    if (this.decisions.current()) this.decisions.publish(this.workspace);
    return changed;
  }

  // ── Publishing ───────────────────────────────────────────────────────────────────────

  private publishAll(uris: Iterable<string>): void {
    for (const uri of uris) this.publish(uri);
    this.scheduleStatus();
  }

  /**
   * Publishes a scan's worth of files a batch at a time, answering requests in between. A newer
   * scan takes over what an older one left unpublished.
   */
  private async publishInBatches(stale: () => boolean): Promise<void> {
    let count = 0;
    for (const uri of this.unpublished) {
      this.unpublished.delete(uri);
      this.publish(uri);
      if (++count % PUBLISH_BATCH === 0) {
        await nextTurn();
        if (stale()) return;
      }
    }
  }

  private publish(uri: string): void {
    const isOpen = this.open.has(uri);
    const diagnostics = this.capped(uri, this.workspace.diagnostics(uri, isOpen ? undefined : CLOSED_FILE_CODES))
      .flatMap((d) => toLspDiagnostic(uri, d, (u, s, e) => this.rangeOf(u, s, e), this.docs) ?? []);
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    this.host.publish(uri, diagnostics);
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
  }

  /**
   * At most MAX_DIAGNOSTICS_PER_FILE of a file's findings, the most severe first (as spell
   * checkers cap their problems): 44,000 diagnostics made one 15 MB message. The log says so once.
   */
  private capped(uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
    this.tell(uri, `${diagnostics.length.toLocaleString('en')} findings; the ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en')} most severe are shown`);
    const kept = new Set([...diagnostics].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).slice(0, MAX_DIAGNOSTICS_PER_FILE));
    return diagnostics.filter((d) => kept.has(d));
  }

  private scheduleStatus(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.sendStatus();
    }, STATUS_INTERVAL_MS);
  }

  private sendStatus(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    this.host.status({
      files: this.workspace.size,
      conflicts: this.workspace.conflictCount(),
      indexing: this.indexing,
      skipped: [...this.skipped].map(([uri, reason]) => ({ uri, reason })),
    });
  }

  // ── Positions ────────────────────────────────────────────────────────────────────────

  lineIndex(uri: string): LineIndex | null {
    const doc = this.workspace.get(uri);
    if (!doc) return null;
    const cached = this.lines.get(uri);
    if (cached && cached.hash === doc.hash) return cached.index;
    const index = new LineIndex(doc.text);
    this.lines.set(uri, { hash: doc.hash, index });
    return index;
  }

  rangeOf(uri: string, start: number, end: number): WireRange | null {
    const index = this.lineIndex(uri);
    return index ? { start: index.positionAt(start), end: index.positionAt(end) } : null;
  }

  offsetOf(uri: string, position: { line: number; character: number }): number | null {
    return this.lineIndex(uri)?.offsetAt(position) ?? null;
  }
}

/** True when `uri` is one of `places` or lies under one of them (a folder the watcher named). */
function isUnderAny(uri: string, places: ReadonlySet<string>): boolean {
  if (places.size === 0) return false;
  for (let end = uri.length; end > 0; end = uri.lastIndexOf('/', end - 1)) {
    if (places.has(uri.slice(0, end))) return true;
  }
  return false;
}

/**
 * The UTF-8 size of `text` as far as comparing it with `limit` needs: counted only when its
 * length alone cannot tell (a UTF-16 unit takes one to three bytes).
 */
function textBytes(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, 'utf8');
}
