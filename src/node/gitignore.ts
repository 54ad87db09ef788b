import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compileGlob, type Glob } from './glob';

// .gitignore files, read as git reads them, so that the CLI in CI and the editor leave out
// what the repository leaves out (a virtual environment, build output, scratch copies of
// articles) without each being listed again in Byline's settings.
//
// Each line is a pattern relative to the folder of its .gitignore: one with a slash before
// its end is anchored there, one without matches a name at any depth below; a trailing slash
// matches folders only; `!` takes a path back in; the last pattern that matches decides;
// `#` starts a comment. A folder left out is not walked, so nothing under it can be taken
// back in (as in git). Matching ignores case, like the rest of Byline's globs.

/** A .gitignore larger than this is not a list of patterns someone wrote; it is not read. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

export interface IgnoreRule {
  glob: Glob;
  negated: boolean;
  folderOnly: boolean;
}

/** The rules of one .gitignore and where its folder is relative to the folder being walked. */
export interface IgnoreFile {
  /** Its folder under the walk's root ('' for the root itself), with / separators. */
  under: string;
  /** The path from its folder down to the walk's root, when it lies above the root ('' otherwise). */
  above: string;
  rules: IgnoreRule[];
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split('\n')) {
    line = line.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    // Trailing spaces are dropped unless escaped.
    line = line.replace(/(?<!\\)\s+$/, '');
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    // Braces are literal in git: escaped so that Byline's globs do not expand them.
    const pattern = (anchored ? line : `**/${line}`).replace(/[{}]/g, '\\$&');
    try {
      rules.push({ glob: compileGlob(pattern), negated, folderOnly });
    } catch {
      // A pattern Byline cannot compile leaves nothing out.
    }
  }
  return rules;
}

/** True when the .gitignore files (outermost first) leave out `relative` (under the walk's root, / separators). */
export function gitIgnored(files: readonly IgnoreFile[], relative: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    let inFile: string;
    if (file.above) inFile = `${file.above}/${relative}`;
    else if (file.under === '') inFile = relative;
    else if (relative.startsWith(file.under + '/')) inFile = relative.slice(file.under.length + 1);
    else continue;
    for (const rule of file.rules) {
      if (rule.folderOnly && !isFolder) continue;
      if (rule.negated === ignored && rule.glob.match(inFile)) ignored = !rule.negated;
    }
  }
  return ignored;
}

// ── Reading them from disk ─────────────────────────────────────────────────────────────

/**
 * .gitignore rules by file, with the stat they were read at: the watcher asks about every
 * file that changes (10,000 in a checkout), and reading and compiling each .gitignore on the
 * way down for each took a millisecond apiece.
 */
const gitignores = new Map<string, { stamp: string; rules: IgnoreFile['rules'] }>();
const MAX_CACHED_GITIGNORES = 1000;

/** The rules of a .gitignore file, or null when there is none or it cannot be read (then it leaves nothing out). */
export async function readGitignore(file: string): Promise<IgnoreFile['rules'] | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_GITIGNORE_BYTES) return null;
    const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    const cached = gitignores.get(file);
    if (cached?.stamp === stamp) return cached.rules;
    const rules = parseGitignore(await fs.readFile(file, 'utf8'));
    if (gitignores.size >= MAX_CACHED_GITIGNORES) gitignores.clear();
    gitignores.set(file, { stamp, rules });
    return rules;
  } catch {
    gitignores.delete(file);
    return null;
  }
}

/** The repository's top above a folder (the nearest folder holding `.git`), found again after REPOSITORY_TTL_MS. */
const repositories = new Map<string, { top: string | null; at: number }>();
const REPOSITORY_TTL_MS = 5000;

async function repositoryTop(folder: string): Promise<string | null> {
  const known = repositories.get(folder);
  if (known && Date.now() - known.at < REPOSITORY_TTL_MS) return known.top;
  let top: string | null = null;
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (await fs.lstat(path.join(dir, '.git')).then(() => true, () => false)) {
      top = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (repositories.size >= MAX_CACHED_GITIGNORES) repositories.clear();
  repositories.set(folder, { top, at: Date.now() });
  return top;
}

/**
 * The .gitignore files that apply to a walk of `input` under `root` before it lists `input`
 * itself: those above `root` up to the repository's top (the nearest folder above holding
 * `.git`; none when there is no repository), and those from `root` down to `input`'s parent.
 */
export async function ignoreFilesFor(root: string, input: string): Promise<IgnoreFile[]> {
  const absoluteRoot = path.resolve(root);
  const files: IgnoreFile[] = [];
  const top = await repositoryTop(absoluteRoot);
  if (top !== null) {
    const above: string[] = [];
    for (let dir = absoluteRoot; dir !== top; ) {
      dir = path.dirname(dir);
      above.unshift(dir);
    }
    for (const dir of above) {
      const rules = await readGitignore(path.join(dir, '.gitignore'));
      if (rules) files.push({ under: '', above: path.relative(dir, absoluteRoot).split(path.sep).join('/'), rules });
    }
  }
  const down = path.relative(absoluteRoot, path.resolve(input)).split(path.sep).filter((s) => s !== '');
  for (let i = 0; i < down.length; i++) {
    const rules = await readGitignore(path.join(absoluteRoot, ...down.slice(0, i), '.gitignore'));
    if (rules) files.push({ under: down.slice(0, i).join('/'), above: '', rules });
  }
  return files;
}
