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
