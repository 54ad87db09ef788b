import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/paths';

// `byline analyze` honours byline.json in the folder it runs in, as the editor does: the
// reader's decisions apply, the project's settings are used, and bad or stale entries are named.

const cli = path.join(repoRoot, 'dist', 'cli.js');

const A = 'KYIV -- Officials said 40 soldiers were killed in Kherson on Tuesday.\n"The bridge is gone," said Mayor Ivan Petrenko.\n';
const B = 'KYIV -- Officials said 90 soldiers were killed in Kherson on Tuesday.\n';

function project(decisions: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-decisions-'));
  fs.mkdirSync(path.join(dir, 'articles'));
  fs.writeFileSync(path.join(dir, 'articles', 'a.txt'), A);
  fs.writeFileSync(path.join(dir, 'articles', 'b.txt'), B);
  if (decisions !== undefined) fs.writeFileSync(path.join(dir, 'byline.json'), typeof decisions === 'string' ? decisions : JSON.stringify(decisions, null, 2));
  return dir;
}

function analyze(dir: string): { findings: Array<{ file: string; code: string; text: string }>; err: string } {
  const run = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', 'articles'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; start: number; end: number }> }> };
  const findings = report.files.flatMap((f) => f.diagnostics.map((d) => ({ file: path.basename(f.path), code: d.code, text: (path.basename(f.path) === 'a.txt' ? A : B).slice(d.start, d.end) })));
  return { findings, err: run.stderr };
}

const figure = (file: string, text: string) => ({ file, text, before: 'KYIV -- Officials said' });

test('byline analyze applies the decisions in byline.json and its settings', () => {
  const before = analyze(project(undefined));
  assert.ok(before.findings.some((f) => f.file === 'a.txt' && f.code === 'conflicting-claim'), JSON.stringify(before.findings));
  const quote = before.findings.find((f) => f.file === 'a.txt' && f.code === 'quote');
  assert.ok(quote?.text.includes('The bridge is gone'), `the mayor's words are a quote before any decision: ${JSON.stringify(before.findings)}`);

  const after = analyze(
    project({
      settings: { severity: { 'reported-speech': 'off' } },
      decisions: [
        { decision: 'not-a-quote', quote: { file: 'articles/a.txt', text: quote?.text ?? '', before: 'Tuesday.' } },
        { decision: 'different-figures', figure: figure('articles/a.txt', '40'), otherFile: 'articles/b.txt', otherFigure: '90' },
      ],
    }),
  );
  assert.equal(after.err, '');
  assert.ok(!after.findings.some((f) => f.code === 'conflicting-claim'), JSON.stringify(after.findings));
  assert.ok(!after.findings.some((f) => f.text.includes('The bridge is gone')), 'not a quotation');
  assert.ok(!after.findings.some((f) => f.code === 'reported-speech'), 'settings.severity turns reported speech off');
});

test('byline analyze names a bad byline.json, a bad setting and a stale decision on stderr, and uses the rest', () => {
  const broken = analyze(project('{ "decisions": [ '));
  assert.match(broken.err, /byline\.json: byline\.json is not valid JSON|byline\.json is not valid JSON/);
  assert.ok(broken.findings.some((f) => f.code === 'conflicting-claim'), 'the analysis goes on without the file');

  const bad = analyze(
    project({
      settings: { numericTolerance: 7, colour: 'red' },
      decisions: [{ decision: 'checked-conflict', figure: figure('articles/a.txt', '400 soldiers') }, { decision: 'checked-conflict', figure: figure('articles/a.txt', '40 soldiers'), note: 'b.txt counts the wounded too' }, { decision: 'speakr' }],
    }),
  );
  assert.match(bad.err, /settings\.numericTolerance in .*byline\.json must be a number from 0 to 1/);
  assert.match(bad.err, /unknown setting "settings\.colour"/);
  assert.match(bad.err, /decision 3 has an unknown "decision" "speakr"/);
  assert.match(bad.err, /Decision 1 \(checked-conflict\) no longer applies: the words “400 soldiers” are no longer in articles\/a\.txt/);
  assert.ok(!bad.findings.some((f) => f.file === 'a.txt' && f.code === 'conflicting-claim'), 'the good decision applies');
  assert.ok(!bad.findings.some((f) => f.code === 'conflicting-claim'), 'quiet on both sides');
});
