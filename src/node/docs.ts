import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// Where each diagnostic code is documented: docs/diagnostics.md, shipped beside the bundles
// (dist/…) in the extension and in the npm package. A code links to the line of its heading
// (`file:///…/diagnostics.md#L14`), which VS Code opens at that line; a heading's anchor in a
// local file does nothing, and the README is no target since the .vsix stores it as readme.md.

/**
 * docs/diagnostics.md beside the folder of the code that runs: dist/ in a package, or
 * out/src/cli/ when the tests run the compiled sources.
 */
export function shippedDocs(codeFolder: string): string | null {
  for (const up of ['..', '../../..']) {
    const file = path.resolve(codeFolder, up, 'docs', 'diagnostics.md');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** A link for each code: to its heading's line in `file` when it has one, else to the file. Null when there is no file. */
export function codeLinks(file: string | null): ((code: string) => string) | null {
  if (file === null) return null;
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return null;
  }
  const href = pathToFileURL(file).href;
  const headings = new Map<string, number>();
  lines.forEach((line, i) => {
    const m = /^#+ `([a-z-]+)`\s*$/.exec(line);
    if (m) headings.set(m[1], i + 1);
  });
  return (code) => {
    const line = headings.get(code);
    return line === undefined ? href : `${href}#L${line}`;
  };
}
