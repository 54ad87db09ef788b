import * as fs from 'node:fs';
import * as path from 'node:path';

// Listing an archive's articles, apart from corpus.ts: a session run (sessionRun.ts) lists
// them while it is timed, and must not load the engine to do it.

/** Every article under `folder`, in path order. */
export function listArticles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listArticles(full));
    else if (entry.name.endsWith('.txt')) out.push(full);
  }
  return out;
}
