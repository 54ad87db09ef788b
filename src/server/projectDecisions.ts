import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex';
import { Decisions, DECISIONS_FILE, entrySpans, parseDecisions, type DecisionsFile } from '../workspace/decisions';
import type { Workspace } from '../workspace/workspace';
import { withFileSettings } from './fileSettings';
import type { Settings } from './settings';

// The decisions file of each workspace folder (byline.json), as the server follows it: read
// from disk, or from the editor while it is open there (unsaved edits count at once, and undo
// takes a decision back at once). Its problems and its stale decisions are published as
// diagnostics on the file itself.

interface FolderDecisions {
  folder: string;
  /** The folder's URI: the root the file's article paths are relative to. */
  root: string;
  /** The decisions file's URI. */
  uri: string;
  /** The file's text on disk, or null when there is none. */
  disk: string | null;
  /** The text open in the editor, when it is open. */
  open: string | null;
  file: DecisionsFile;
}

interface Host {
  publish(uri: string, diagnostics: LspDiagnostic[]): void;
  log?(message: string): void;
}

/** The file's settings an untrusted workspace may not set (as package.json's restrictedConfigurations). */
const RESTRICTED = ['include', 'exclude', 'cueVerbs'];

/** Bytes a decisions file may have: it is read whole at every change. */
const MAX_BYTES = 5 * 1024 * 1024;

export class ProjectDecisions {
  private folders: FolderDecisions[] = [];
  private decisions: Decisions | null = null;
  private readonly published = new Set<string>();
  private settingsProblems: string[] = [];
  private logged = '';

  /**
   * False in an untrusted workspace (VS Code's Restricted Mode): a file in the workspace does not
   * choose which files are read or the verbs every word is checked against, as the workspace's
   * settings do not (package.json, restrictedConfigurations).
   */
  trusted = true;

  constructor(private readonly host: Host) {}

  /** Reads the decisions file of each folder (those open in the editor keep the editor's text). */
  async load(folders: readonly string[]): Promise<void> {
    const open = new Map(this.folders.map((f) => [f.uri, f.open]));
    this.folders = await Promise.all(
      folders.map(async (folder) => {
        const uri = pathToFileURL(path.join(folder, DECISIONS_FILE)).href;
        const disk = await readText(path.join(folder, DECISIONS_FILE), (m) => this.host.log?.(m));
        const entry: FolderDecisions = { folder, root: pathToFileURL(folder).href, uri, disk, open: open.get(uri) ?? null, file: parseDecisions('') };
        entry.file = parseDecisions(textOf(entry) ?? '');
        return entry;
      }),
    );
    this.rebuild();
  }

  /** True when `uri` is the decisions file of a workspace folder. */
  isDecisionsFile(uri: string): boolean {
    return this.entryOf(uri) !== undefined;
  }

  /** The editor opened or changed a decisions file (`text`), or closed it (null: the disk's text counts again). */
  edited(uri: string, text: string | null): void {
    const entry = this.entryOf(uri);
    if (!entry) return;
    entry.open = text;
    entry.file = parseDecisions(textOf(entry) ?? '');
    this.rebuild();
  }

  /** Reads a decisions file again from disk; returns true when what counts changed. */
  async reload(uri: string): Promise<boolean> {
    const entry = this.entryOf(uri);
    if (!entry) return false;
    const before = textOf(entry);
    entry.disk = await readText(path.join(entry.folder, DECISIONS_FILE), (m) => this.host.log?.(m));
    if (textOf(entry) === before) return false;
    entry.file = parseDecisions(textOf(entry) ?? '');
    this.rebuild();
    return true;
  }

  current(): Decisions | null {
    return this.decisions;
  }

  /** The decisions file of the folder `articleUri` is in: its URI, its folder's URI and its text now (null when there is none). */
  fileFor(articleUri: string): { uri: string; root: string; text: string | null } | null {
    if (!articleUri.startsWith('file:')) return null;
    const file = fileURLToPath(articleUri);
    const entry = this.folders.filter((f) => file.startsWith(f.folder + path.sep)).sort((a, b) => b.folder.length - a.folder.length)[0];
    return entry ? { uri: entry.uri, root: entry.root, text: textOf(entry) } : null;
  }

  /**
   * The settings in force: `base` (the editor's) under the decisions files' settings. One set of
   * settings serves every folder: the first folder's file that has settings gives them, and a
   * second file with other settings is named in a message.
   */
  settingsOver(base: Settings): Settings {
    const withSettings = this.folders.filter((f) => Object.keys(f.file.settings).length > 0);
    const first = withSettings[0];
    if (!first) {
      this.settingsProblems = [];
      return base;
    }
    const given = this.trusted ? first.file.settings : Object.fromEntries(Object.entries(first.file.settings).filter(([k]) => !RESTRICTED.includes(k)));
    const { settings, problems } = withFileSettings(base, given, path.join(first.folder, DECISIONS_FILE));
    if (given !== first.file.settings && Object.keys(given).length < Object.keys(first.file.settings).length) {
      problems.push(`In Restricted Mode the settings ${RESTRICTED.filter((k) => k in first.file.settings).map((k) => `settings.${k}`).join(', ')} in ${path.join(first.folder, DECISIONS_FILE)} are not used; trust the workspace to use them`);
    }
    const others = withSettings.slice(1).filter((f) => JSON.stringify(f.file.settings) !== JSON.stringify(first.file.settings));
    this.settingsProblems = [...problems, ...others.map((f) => `Byline uses one set of settings for every folder: those in ${path.join(first.folder, DECISIONS_FILE)}; the settings in ${path.join(f.folder, DECISIONS_FILE)} are not used`)];
    return settings;
  }

  /**
   * Publishes each decisions file's problems and stale decisions on it, and logs the settings'
   * problems once. Without `withStale`, stale decisions are not looked for: before a scan has read
   * the articles, every decision would seem stale.
   */
  publish(workspace: Workspace, withStale = true): void {
    const stale = withStale ? workspace.staleDecisions() : [];
    for (const entry of this.folders) {
      const text = textOf(entry) ?? '';
      const lines = new LineIndex(text);
      const spans = entrySpans(text);
      const rangeOf = (index: number | undefined, setting?: string) => {
        const key = setting ? text.indexOf(`"${setting.replace(/^settings\./, '')}"`) : -1;
        const span = index !== undefined ? spans[index] : key >= 0 ? { start: key, end: key + setting!.replace(/^settings\./, '').length + 2 } : { start: 0, end: Math.min(text.length, 1) };
        return { start: lines.positionAt(span?.start ?? 0), end: lines.positionAt(span?.end ?? 0) };
      };
      const diagnostics: LspDiagnostic[] = [
        ...entry.file.problems.map((p) => ({ range: rangeOf(p.index, p.setting), severity: p.fatal ? 1 : 2, source: 'Byline', message: p.message }) as LspDiagnostic),
        ...stale.filter((s) => s.root === entry.root).map((s) => ({ range: rangeOf(s.index), severity: 2, source: 'Byline', message: s.message }) as LspDiagnostic),
        ...(entry === this.folders.find((f) => Object.keys(f.file.settings).length > 0) ? this.settingsProblems.map((m) => ({ range: rangeOf(undefined, settingOf(m)), severity: 2, source: 'Byline', message: m }) as LspDiagnostic) : []),
      ];
      if (diagnostics.length === 0 && !this.published.has(entry.uri)) continue;
      this.host.publish(entry.uri, diagnostics);
      if (diagnostics.length > 0) this.published.add(entry.uri);
      else this.published.delete(entry.uri);
    }
    const said = [...this.folders.flatMap((f) => f.file.problems.map((p) => `${path.join(f.folder, DECISIONS_FILE)}: ${p.message}`)), ...this.settingsProblems].join('\n');
    if (said && said !== this.logged) this.host.log?.(said);
    this.logged = said;
  }

  private entryOf(uri: string): FolderDecisions | undefined {
    if (!uri.startsWith('file:') || !uri.endsWith(`/${DECISIONS_FILE}`)) return undefined;
    const file = fileURLToPath(uri);
    return this.folders.find((f) => path.join(f.folder, DECISIONS_FILE) === file);
  }

  private rebuild(): void {
    const roots = this.folders.map((f) => ({ root: f.root, file: f.file }));
    this.decisions = roots.some((r) => r.file.decisions.length > 0) ? new Decisions(roots) : null;
  }
}

/** The setting a message is about ("settings.cueVerbs in …"), to show it there. */
function settingOf(message: string): string | undefined {
  return /settings\.(\w+)/.exec(message)?.[0];
}

function textOf(entry: FolderDecisions): string | null {
  return entry.open ?? entry.disk;
}

/** The file's text, or null when there is none; a file that is there but cannot be used is said in the log. */
async function readText(file: string, log?: (message: string) => void): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) log?.(`${file} is not a file; no decisions or settings are read from it`);
    else if (stat.size > MAX_BYTES) log?.(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB; no decisions or settings are read from it`);
    else return await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') log?.(`${file} cannot be read (${code ?? String(e)}); no decisions or settings are read from it`);
  }
  return null;
}
