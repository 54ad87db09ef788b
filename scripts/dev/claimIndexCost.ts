import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document';
import { findClaims } from '../../src/core/claims';
import { ClaimIndex } from '../../src/workspace/claimIndex';
import { readArticles, writeArchive } from '../bench/corpus';

// What the claim index costs on the benchmark's archive (PolNeAR train articles copied and varied
// up to N files, as `npm run bench` makes it): the claims are found first and not timed; then
// every file is set, every file's diagnostics made, and one file set again 20 times (an edit).
// Prints the seconds, the edit's p95, the links and the largest groups.
// Usage: node out/scripts/dev/claimIndexCost.js [files, default 10000]

const count = Number(process.argv[2] ?? 10_000);
const train = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'polnear', 'data', 'train', 'text');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-claim-index-'));
try {
  const files = writeArchive(readArticles(train), folder, count);
  const claims = files.map((f) => findClaims(parseDocument(fs.readFileSync(f, 'utf8'))));
  const index = new ClaimIndex();
  const t0 = performance.now();
  files.forEach((f, i) => index.set(f, claims[i]));
  const t1 = performance.now();
  let diagnostics = 0;
  for (const f of files) diagnostics += index.diagnostics(f).length;
  const t2 = performance.now();
  const edits: number[] = [];
  for (let k = 0; k < 20; k++) {
    const i = (k * 37) % files.length;
    const start = performance.now();
    index.set(files[i], claims[i]);
    edits.push(performance.now() - start);
  }
  edits.sort((a, b) => a - b);
  let links = 0;
  for (const f of files) for (const l of index.linksOf(f)) links += l.length;
  console.log(`${files.length} files: set ${((t1 - t0) / 1000).toFixed(2)} s, diagnostics ${((t2 - t1) / 1000).toFixed(2)} s (${diagnostics}), edit p95 ${edits[18].toFixed(1)} ms, ${links} links, ${index.conflictCount()} conflicting pairs`);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
