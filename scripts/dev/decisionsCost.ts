import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readArticles, writeArchive } from '../bench/corpus';
import { anchorOf, Decisions, parseDecisions, withDecision } from '../../src/workspace/decisions';
import { Workspace } from '../../src/workspace/workspace';

// What the reader's decisions (byline.json) cost a workspace: applying them, looking for stale
// ones, and the diagnostics and edits afterwards, on an archive of varied PolNeAR copies (so that
// figures conflict across files). Usage: tsc -p . && node out/scripts/dev/decisionsCost.js [articles]

const train = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'polnear', 'data', 'train', 'text');
const count = Number(process.argv[2] ?? 450);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-decisions-cost-'));
const files = writeArchive(readArticles(train).slice(0, 150), folder, count);
const articles = files.map((f) => ({ name: path.relative(folder, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));
fs.rmSync(folder, { recursive: true, force: true });

const ROOT = '/news';
const ws = new Workspace();
let started = Date.now();
ws.setMany(articles.map((a) => ({ path: `${ROOT}/${a.name}`, text: a.text })));
ws.settle();
console.log(`indexed ${articles.length} articles in ${Date.now() - started} ms; ${ws.claims.conflictCount()} conflicting pairs`);

// Up to 60 decisions: each article's first quote is not one; a conflicting figure is checked, another linked figure kept apart.
let text = '';
let made = 0;
const add = (d: Parameters<typeof withDecision>[1]) => {
  const r = withDecision(text, d);
  if ('text' in r) text = r.text;
  made++;
};
for (const a of articles) {
  if (made >= 60) break;
  const p = `${ROOT}/${a.name}`;
  const doc = ws.get(p);
  if (!doc) continue;
  const q = doc.analysis.quotes[0];
  if (q) add({ decision: 'not-a-quote', quote: anchorOf(a.name, a.text, q.start, q.end) });
  const links = ws.claims.linksOf(p);
  // A conflicting figure is checked; a figure linked to another is kept apart from it.
  const conflicting = links.findIndex((l) => l.some((x) => x.relation === 'conflicts'));
  if (conflicting >= 0) {
    const c = doc.digest.claims[conflicting];
    add({ decision: 'checked-conflict', figure: anchorOf(a.name, a.text, c.start, c.end) });
  }
  const linked = links.findIndex((l, i) => i !== conflicting && l.length > 0);
  if (linked >= 0) {
    const c = doc.digest.claims[linked];
    add({ decision: 'different-figures', figure: anchorOf(a.name, a.text, c.start, c.end), otherFile: links[linked][0].path.slice(ROOT.length + 1), otherFigure: links[linked][0].text });
  }
}
const file = parseDecisions(text);

const ms = (f: () => void) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const best = (f: () => void) => Math.min(ms(f), ms(f), ms(f));
const diagnostics = () => ws.paths().forEach((p) => ws.diagnostics(p));
const last = articles[articles.length - 1];
const edit = () => {
  ws.set(`${ROOT}/${last.name}`, last.text + ' ');
  ws.set(`${ROOT}/${last.name}`, last.text);
};
const before = { diagnostics: best(diagnostics), edit: best(edit) };
let changed = new Set<string>();
const apply = ms(() => (changed = ws.setDecisions(new Decisions([{ root: ROOT, file }]))));
let stale = 0;
const staleMs = ms(() => (stale = ws.staleDecisions().length));
const after = { diagnostics: best(diagnostics), edit: best(edit) };
started = Date.now();
console.log(`${file.decisions.length} decisions: applied in ${apply.toFixed(1)} ms (${changed.size} files to republish); stale check ${staleMs.toFixed(1)} ms (${stale} stale); ${ws.claims.conflictCount()} conflicting pairs linked after, ${ws.conflictCount()} not checked`);
console.log(`diagnostics of every file: ${before.diagnostics.toFixed(1)} ms without decisions, ${after.diagnostics.toFixed(1)} ms with (x${(after.diagnostics / before.diagnostics).toFixed(2)})`);
console.log(`an edit of one file (set twice): ${before.edit.toFixed(1)} ms without, ${after.edit.toFixed(1)} ms with (x${(after.edit / before.edit).toFixed(2)})`);
