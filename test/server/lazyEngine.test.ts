import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeDocument } from '../../src/core/analyze';
import { digestOf } from '../../src/workspace/digest';

// A server reopening a folder from its cache takes in digests and publishes closed files'
// diagnostics without loading compromise (a quarter of a second of a warm start); the engine
// is loaded when a text is analysed, or when a whole analysis is made again. Checked in a fresh
// process, where nothing else has loaded it.

const TEXTS = [
  'Gen. Mark Milley said on Tuesday that "the war will go on through the winter." Russia has 20,000 troops in Kherson.\n',
  '“We will hold the line,” Milley told reporters. Russia has 40,000 troops in Kherson.\n',
];

test('digests are indexed, conflicts found and closed files’ diagnostics made without loading compromise', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-lazy-'));
  const digests = path.join(dir, 'digests.bin');
  fs.writeFileSync(digests, v8.serialize(TEXTS.map((text, i) => ({ path: `file:///${i}.txt`, text, digest: digestOf(analyzeDocument(text)) }))));
  const workspaceModule = path.join(__dirname, '..', '..', 'src', 'workspace', 'workspace.js');
  const sessionModule = path.join(__dirname, '..', '..', 'src', 'server', 'session.js');
  const script = `
    const v8 = require('node:v8');
    const fs = require('node:fs');
    const loaded = () => Object.keys(require.cache).some((k) => k.includes('node_modules/compromise'));
    require(${JSON.stringify(sessionModule)});
    const { Workspace } = require(${JSON.stringify(workspaceModule)});
    const steps = { afterLoading: loaded() };
    const ws = new Workspace();
    const docs = v8.deserialize(fs.readFileSync(${JSON.stringify(digests)}));
    ws.setMany(docs, true);
    steps.conflicts = ws.claims.conflictCount();
    steps.closedDiagnostics = ws.diagnostics(docs[0].path, new Set(['conflicting-claim', 'unclosed-quote', 'analysis-truncated'])).map((d) => d.code);
    steps.speaker = ws.speakers.speakerOf(docs[1].path, ws.get(docs[1].path).digest.quotes[0].speakerKey)?.name ?? null;
    steps.afterIndexing = loaded();
    ws.set('file:///edited.txt', 'The mayor said 20 people were evacuated.');
    steps.afterAnEdit = loaded();
    process.stdout.write(JSON.stringify(steps));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(run.status, 0, run.stderr);
  const steps = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.equal(steps.afterLoading, false, 'loading the server loaded compromise');
  assert.equal(steps.conflicts, 1);
  assert.deepEqual(steps.closedDiagnostics, ['conflicting-claim']);
  assert.equal(steps.speaker, 'Mark Milley');
  assert.equal(steps.afterIndexing, false, 'indexing digests loaded compromise');
  // The check can fail: analysing a text does load it.
  assert.equal(steps.afterAnEdit, true);
});
