import { closeSync, constants, fstatSync, openSync, promises as fs, readlinkSync, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { BINARY_SNIFF_BYTES, binaryReason, decodeText } from '../core/text/decode';
import { compileGlob, GlobError, type Glob } from './glob';
import { gitIgnored, ignoreFilesFor, readGitignore, type IgnoreFile } from './gitignore';

// Finding and reading articles on disk, for the CLI and the language server alike. A
// reader's folder is never clean: every file that cannot be read is named with the reason,
// and the others are still read.

/** What Byline reads in a folder unless told otherwise, in the editor and the CLI alike: .news always; .txt… */
export const DEFAULT_INCLUDE = ['**/*.news', '**/*.txt'];
/** …but not the text files every code repository has, nor tools' folders. byline.exclude and --exclude add to these. */
export const DEFAULT_EXCLUDE = [
  '**/README*',
  '**/LICENSE*',
  '**/LICENCE*',
  '**/COPYING*',
  '**/NOTICE*',
  '**/AUTHORS*',
  '**/CONTRIBUTORS*',
  '**/CHANGELOG*',
  '**/CHANGES*',
  '**/requirements*.txt',
  '**/constraints*.txt',
  '**/CMakeLists.txt',
  '**/robots.txt',
  '**/node_modules/**',
  '**/.git/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/site-packages/**',
  '**/.venv/**',
  '**/venv/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/target/**',
  '**/logs/**',
];

/** Folders that hold tools' files, not articles. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode', '.idea']);

export interface FileFilter {
  include: readonly string[];
  exclude: readonly string[];
  /** Leave out what .gitignore files list (in the folders walked, and above them up to the repository's top). */
  gitignore?: boolean;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface Found {
  files: string[];
  skipped: Skipped[];
}

/** True when a path (relative to its root, with / separators) is one Byline should read. */
export function matchesFilter(relative: string, filter: FileFilter): boolean {
  return matchesSlashed(relative.split(path.sep).join('/'), filter);
}

// True when no file under the folder at `relative` (from its root, / separators) can pass the
// filter: a tools' folder (.git, node_modules…), or one an exclude glob ending in "/**" covers
// (the default's dist, build, vendor…). Such a folder is not walked: a watcher's event for a
// new node_modules would otherwise have the server list every file in it to read none.
export function folderLeftOut(relative: string, filter: FileFilter): boolean {
  const slashed = relative.split(path.sep).join('/');
  if (slashed.split('/').some((segment) => SKIPPED_FOLDERS.has(segment))) return true;
  return filter.exclude.some((g) => g.endsWith('/**') && (compiled(g).match(slashed) || compiled(g.slice(0, -3)).match(slashed)));
}

function matchesSlashed(p: string, filter: FileFilter): boolean {
  if (filter.exclude.some((g) => compiled(g).match(p))) return false;
  return filter.include.some((g) => compiled(g).match(p));
}

/** Globs compiled once (glob.ts): a folder is matched against every glob of the filter. */
const globs = new Map<string, Glob>();

function compiled(glob: string): Glob {
  let m = globs.get(glob);
  if (!m) {
    // A glob the settings or the flags let through unchecked matches nothing rather than throwing mid-walk.
    m = globProblem(glob) === null ? compileGlob(glob) : { match: () => false };
    globs.set(glob, m);
  }
  return m;
}

/** What is wrong with a glob (too many alternatives in its braces), or null. */
export function globProblem(glob: string): string | null {
  try {
    compileGlob(glob);
    return null;
  } catch (e) {
    if (e instanceof GlobError) return e.message;
    throw e;
  }
}

export interface WalkOptions {
  /**
   * Follow no symbolic link out of the folder being walked. The language server walks
   * workspace folders this way, so that a folder one did not write (an untrusted workspace)
   * cannot lead Byline to read files elsewhere on the machine.
   */
  confine?: boolean;
  /**
   * The workspace folder an input lies in, when the input is a folder inside it (the watcher
   * saw it appear): globs are matched relative to this root, and with `confine` links may not
   * lead out of this root rather than out of the input.
   */
  root?: string;
  /** What a refused link is called in the skip message (the server names the workspace folder, the CLI its flag). */
  outsideReason?: string;
}

/** Why the server does not follow a link out of a workspace folder. */
export const OUTSIDE_WORKSPACE = 'symbolic link to a place outside the workspace folder; not followed';

/**
 * The files to read for the given paths: files named directly are always read; folders are
 * walked for files the filter accepts. Symbolic links are followed once (a loop is noticed).
 */
export async function findFiles(inputs: readonly string[], filterOf: FileFilter | ((root: string) => FileFilter), options: WalkOptions = {}): Promise<Found> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      // A name given in bytes that are not UTF-8 reaches Node with U+FFFD in their place.
      skipped.push({ path: input, reason: input.includes('\uFFFD') ? UNDECODABLE_NAME : describeError(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const root = options.root ?? input;
      // A workspace folder's own settings (multi-root workspaces) apply under it.
      const filter = typeof filterOf === 'function' ? filterOf(root) : filterOf;
      const realRoot = options.confine ? await fs.realpath(root) : null;
      const ignores = filter.gitignore ? await ignoreFilesFor(root, input) : [];
      await walk({ realRoot, outsideReason: options.outsideReason ?? OUTSIDE_WORKSPACE, filter, files, skipped, seen }, input, path.relative(root, input).split(path.sep).join('/'), ignores);
    }
    else if (stat.isFile()) files.push(input);
    else skipped.push({ path: input, reason: kindOf(stat) });
  }
  return { files: [...new Set(files)], skipped };
}

interface Walk {
  /** The root's real path when links may not lead out of it. */
  realRoot: string | null;
  outsideReason: string;
  filter: FileFilter;
  files: string[];
  skipped: Skipped[];
  seen: Set<string>;
}

/**
 * Walks `dir`, which is `relative` (with / separators, '' for the root) under the folder
 * walked; `ignores`: the .gitignore files that apply above it.
 */
async function walk(w: Walk, dir: string, relative: string, ignores: readonly IgnoreFile[]): Promise<void> {
  const { filter, files, skipped, seen } = w;
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (e) {
    skipped.push({ path: dir, reason: describeError(e) });
    return;
  }
  if (seen.has(real)) return; // a symbolic link back into a folder already read
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    skipped.push({ path: dir, reason: describeError(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (filter.gitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    const rules = await readGitignore(path.join(dir, '.gitignore'));
    if (rules) ignores = [...ignores, { under: relative, above: '', rules }];
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Built along the walk: path.relative for each of 10,000 files took a quarter of a second.
    const inside = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.name.includes('\uFFFD') && !(await exists(full))) {
      // The name's bytes are not UTF-8: Node replaced them, and the path it gives leads nowhere.
      if (matchesSlashed(inside, filter) && !gitIgnored(ignores, inside, false)) skipped.push({ path: full, reason: UNDECODABLE_NAME });
      continue;
    }
    let kind: { isDirectory(): boolean; isFile(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean } = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = await fs.stat(full);
        if (w.realRoot !== null && !isInside(await fs.realpath(full), w.realRoot)) {
          skipped.push({ path: full, reason: w.outsideReason });
          continue;
        }
      } catch (e) {
        skipped.push({ path: full, reason: `broken symbolic link (${describeError(e)})` });
        continue;
      }
    }
    if (kind.isDirectory()) {
      // Pruned, not walked: a 40,000-file .venv beside one article is never listed.
      if (!folderLeftOut(inside, filter) && !gitIgnored(ignores, inside, true)) await walk(w, full, inside, ignores);
    } else if (matchesSlashed(inside, filter) && !gitIgnored(ignores, inside, false)) {
      // A pipe, a device or a socket with an article's name is named, not passed over in silence.
      if (kind.isFile()) files.push(full);
      else skipped.push({ path: full, reason: kindOf(kind) });
    }
  }
}

/**
 * True when .gitignore files leave out `file` (under the workspace folder `root`), or a
 * folder on its way: for a change on disk the watcher names, judged as a walk would judge it.
 */
export async function ignoredByGit(file: string, root: string, filter: FileFilter): Promise<boolean> {
  if (!filter.gitignore) return false;
  const parts = path.relative(root, file).split(path.sep);
  const ignores = await ignoreFilesFor(root, file);
  return parts.some((_, i) => gitIgnored(ignores, parts.slice(0, i + 1).join('/'), i < parts.length - 1));
}

/** Why a file-system entry that is neither a regular file nor a folder is not read. */
function kindOf(kind: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (kind.isFIFO()) return 'a named pipe (FIFO), not a regular file; not read';
  if (kind.isCharacterDevice() || kind.isBlockDevice()) return 'a device, not a regular file; not read';
  if (kind.isSocket()) return 'a socket, not a regular file; not read';
  return 'not a regular file or folder; not read';
}

const UNDECODABLE_NAME = 'its name is not valid UTF-8 (shown with U+FFFD for the bytes that are not), so it cannot be opened by name; not read';

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** True when `file` is `folder` or lies under it (both absolute, in the same form: real paths, or paths as given). */
export function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** `gone`: there is no such file (any more): the caller forgets it rather than reporting it skipped. */
/**
 * No file larger than this is read, whatever the setting or flag: V8 cannot hold a string
 * over 512 MB (a larger text file aborted the process while decoding it), and the engine
 * analyses only a text's first million characters anyway (analysis-truncated).
 */
export const HARD_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The bytes looked at to call a file binary before reading the rest (a UTF-8 BOM and the sniffed bytes). */
const HEAD_BYTES = BINARY_SNIFF_BYTES + 3;

export type ReadResult = { ok: true; text: string; note: string | null } | { ok: false; reason: string; gone?: boolean };

/**
 * Reads and decodes one file, refusing files over `maxSize` bytes (or HARD_MAX_FILE_BYTES) and
 * binary files. `within`: real paths of folders; a file whose opened real path lies in none
 * of them is refused (a link swapped in after the folder was listed leads nowhere else).
 */
export async function readArticle(file: string, maxSize: number, sizeSetting: string, within: readonly string[] | null = null): Promise<ReadResult> {
  let handle: fs.FileHandle | null = null;
  try {
    // Non-blocking, so that a pipe put where a file was does not hang the reader.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (within && !liesWithin(openedPath(handle.fd, file), within)) return { ok: false, reason: OUTSIDE_WORKSPACE };
    const stat = await handle.stat();
    if (!stat.isFile()) return notAFile(stat);
    const refused = sizeRefusal(stat.size, maxSize, sizeSetting);
    if (refused) return refused;
    // The head first: a binary file is refused before the rest is read or room is made for it.
    const head = Buffer.allocUnsafe(Math.min(HEAD_BYTES, stat.size));
    const headLength = (await handle.read(head, 0, head.length, 0)).bytesRead;
    if (binaryReason(head.subarray(0, headLength))) return decoded(head.subarray(0, headLength));
    const bytes = Buffer.allocUnsafe(stat.size);
    head.copy(bytes, 0, 0, headLength);
    let length = headLength;
    for (let got = 1; length < bytes.length && got > 0; length += got) got = (await handle.read(bytes, length, bytes.length - length, length)).bytesRead;
    return decoded(bytes.subarray(0, length));
  } catch (e) {
    return failure(e);
  } finally {
    await handle?.close();
  }
}

/**
 * `readArticle` for a worker thread, which reads one file at a time and has nothing else to
 * do meanwhile: a few system calls, where the promise API's open, stat, read and close each
 * go through the thread pool (a warm start's workers spent most of their time there).
 */
export function readArticleSync(file: string, maxSize: number, sizeSetting: string, within: readonly string[] | null = null): ReadResult {
  let fd: number | null = null;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (within && !liesWithin(openedPath(fd, file), within)) return { ok: false, reason: OUTSIDE_WORKSPACE };
    const stat = fstatSync(fd);
    if (!stat.isFile()) return notAFile(stat);
    const refused = sizeRefusal(stat.size, maxSize, sizeSetting);
    if (refused) return refused;
    const head = Buffer.allocUnsafe(Math.min(HEAD_BYTES, stat.size));
    const headLength = readSync(fd, head, 0, head.length, 0);
    if (binaryReason(head.subarray(0, headLength))) return decoded(head.subarray(0, headLength));
    const bytes = Buffer.allocUnsafe(stat.size);
    head.copy(bytes, 0, 0, headLength);
    let length = headLength;
    for (let got = 1; length < bytes.length && got > 0; length += got) got = readSync(fd, bytes, length, bytes.length - length, length);
    return decoded(bytes.subarray(0, length));
  } catch (e) {
    return failure(e);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The real path of the file open as `fd`: where Linux says the descriptor leads (no race
 * with a link swapped in since it was opened), else the path's real path now.
 */
function openedPath(fd: number, file: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realpathSync(file);
  }
}

function liesWithin(real: string, folders: readonly string[]): boolean {
  return folders.some((folder) => isInside(real, folder));
}

/** Why a file of `size` bytes is not read, or null: over the setting's limit, or over the hard ceiling whatever the setting. */
export function sizeRefusal(size: number, maxSize: number, sizeSetting: string): ReadResult | null {
  if (size > HARD_MAX_FILE_BYTES) {
    return { ok: false, reason: `${formatSize(size)}, over the ${formatSize(HARD_MAX_FILE_BYTES)} that Byline reads whatever the settings; skipped` };
  }
  if (size > maxSize) return { ok: false, reason: `${formatSize(size)}, over the ${formatSize(maxSize)} limit (${sizeSetting}); skipped` };
  return null;
}

function failure(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException)?.code;
  return { ok: false, reason: describeError(e), gone: code === 'ENOENT' || code === 'ENOTDIR' };
}

function notAFile(stat: Parameters<typeof kindOf>[0] & { isDirectory(): boolean }): ReadResult {
  return { ok: false, reason: stat.isDirectory() ? 'is a folder' : kindOf(stat) };
}

function decoded(bytes: Uint8Array): ReadResult {
  const d = decodeText(bytes);
  return d.ok ? { ok: true, text: d.text, note: d.note } : { ok: false, reason: `${d.reason}; skipped` };
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
