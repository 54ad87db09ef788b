import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { analyzeDocument } from '../../src/core/analyze';
import { Indexer } from '../../src/server/indexer';
import { AnalysisCache } from '../../src/node/cache';
import { AnalysisPool, type PoolResult, type PoolSetup } from '../../src/server/pool';
import { digestOf } from '../../src/workspace/digest';
import { contentHash } from '../../src/workspace/contentHash';
import { Workspace } from '../../src/workspace/workspace';

// The worker pool gives exactly what analysing in the server's own thread gives, and loses no
// file when a worker dies: the file comes back as failed and is analysed in the server's
// thread (or reported), and the pool goes on with a new worker.

const WORKER = path.join(__dirname, '..', '..', 'src', 'server', 'worker.js');
const CRASHING_WORKER = path.join(__dirname, 'crashingWorker.js');
const SETUP: PoolSetup = { options: {}, maxFileSize: 1024 * 1024, sizeSetting: 'the test limit', within: null, cache: null };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-pool-'));
const TEXTS: Record<string, string> = {
  'milley.txt': 'Gen. Mark Milley said on Tuesday that "the war will go on through the winter."\n',
  'aid.txt': 'The White House asked Congress for $38 billion in aid, officials said.\n',
  'mayor.txt': '"We are not leaving," the mayor told reporters. "Not now, not ever."\n',
  'crash.txt': 'Officials said 40,000 troops were in Kherson, "and more are coming," one added.\n',
};
for (const [name, text] of Object.entries(TEXTS)) fs.writeFileSync(path.join(dir, name), text);
const file = (name: string) => path.join(dir, name);

const pools: AnalysisPool[] = [];
function pool(script = WORKER, size = 2, recycleAfter?: number): AnalysisPool {
  const p = new AnalysisPool(size, script, recycleAfter);
  pools.push(p);
  p.setup(SETUP);
  return p;
}
after(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

function analysed(r: PoolResult) {
  assert.equal(r.kind, 'analysed', JSON.stringify(r));
  return r as Extract<PoolResult, { kind: 'analysed' }>;
}

test('the pool returns what analysing in this thread returns, with the text and its content hash', async () => {
  const p = pool();
  const names = ['milley.txt', 'aid.txt', 'mayor.txt'];
  const results = await Promise.all(names.map((n) => p.analyse(file(n))));
  results.forEach((r, i) => {
    const text = TEXTS[names[i]];
    const got = analysed(r);
    assert.equal(got.text, text);
    assert.equal(got.hash, contentHash(text, {}));
    assert.deepEqual(got.analysis(), analyzeDocument(text));
    assert.deepEqual(got.digest, digestOf(analyzeDocument(text)));
  });
});

test('a file whose content the cache holds is answered with the cached digest (checked in the worker), unless forced', async () => {
  const cache = AnalysisCache.open(path.join(dir, 'cache'), 'test-engine');
  const hash = contentHash(TEXTS['aid.txt'], {});
  cache.put(hash, analyzeDocument(TEXTS['aid.txt']));
  await cache.flush();
  const p = pool();
  p.setup({ ...SETUP, cache: cache.snapshot() });
  const cached = await p.analyse(file('aid.txt'));
  assert.ok(cached.kind === 'cached');
  assert.deepEqual(cached.digest, digestOf(analyzeDocument(TEXTS['aid.txt'])));
  assert.equal(analysed(await p.analyse(file('aid.txt'), true)).badEntry, false);
});

test('a cache entry that does not check out is analysed again, and said to be bad', async () => {
  const cache = AnalysisCache.open(path.join(dir, 'bad-cache'), 'test-engine');
  const hash = contentHash(TEXTS['aid.txt'], {});
  cache.put(hash, analyzeDocument(TEXTS['aid.txt']));
  await cache.flush();
  const snapshot = cache.snapshot();
  const file0 = snapshot.file;
  const bytes = fs.readFileSync(file0);
  bytes[bytes.length - 5] ^= 0xff;
  fs.writeFileSync(file0, bytes);
  const p = pool();
  p.setup({ ...SETUP, cache: snapshot });
  const again = analysed(await p.analyse(file('aid.txt')));
  assert.equal(again.badEntry, true);
  assert.deepEqual(again.analysis(), analyzeDocument(TEXTS['aid.txt']));
});

test('a cached digest whose bytes check out but are not a digest is analysed again, and said to be bad', async () => {
  const cache = AnalysisCache.open(path.join(dir, 'wrong-shape-cache'), 'test-engine');
  const hash = contentHash(TEXTS['mayor.txt'], {});
  cache.putBytes(hash, { analysis: v8.serialize(analyzeDocument(TEXTS['mayor.txt'])), digest: v8.serialize({ quotes: 'none' }) });
  await cache.flush();
  const p = pool();
  p.setup({ ...SETUP, cache: cache.snapshot() });
  const again = analysed(await p.analyse(file('mayor.txt')));
  assert.equal(again.badEntry, true);
  assert.deepEqual(again.analysis(), analyzeDocument(TEXTS['mayor.txt']));
});

test('unreadable files come back with the reason', async () => {
  const p = pool();
  const missing = await p.analyse(file('missing.txt'));
  assert.equal(missing.kind, 'unreadable');
  p.setup({ ...SETUP, maxFileSize: 10 });
  const big = await p.analyse(file('aid.txt'));
  assert.ok(big.kind === 'unreadable' && /over the 10 bytes limit \(the test limit\)/.test(big.reason), JSON.stringify(big));
});

test('a worker that dies fails only its files, and a new worker takes the rest', async () => {
  const p = pool(CRASHING_WORKER, 1);
  const logged: string[] = [];
  p.onWorkerStopped = (line) => logged.push(line);
  const [crashed, after] = await Promise.all([p.analyse(file('crash.txt')), p.analyse(file('milley.txt'))]);
  assert.equal(crashed.kind, 'failed');
  assert.match((crashed as { error: string }).error, /fell over/);
  // The death is logged once, with why and what becomes of its files.
  assert.equal(logged.length, 1, logged.join('\n'));
  assert.match(logged[0], /an analysis worker stopped \(.*fell over.*\) with \d+ files? in hand, which are analysed again; another takes its place/);
  // The file sent with it to the same worker fails too; a file sent later is analysed by its replacement.
  assert.ok(after.kind === 'failed' || after.kind === 'analysed');
  assert.deepEqual(analysed(await p.analyse(file('mayor.txt'))).analysis(), analyzeDocument(TEXTS['mayor.txt']));
});

test('a scan loses no file to a dying worker: it is analysed in the server thread instead', async () => {
  const p = new AnalysisPool(1, CRASHING_WORKER);
  pools.push(p);
  const workspace = new Workspace();
  const uris = Object.keys(TEXTS).map((n) => pathToFileURL(file(n)).href);
  const outcome = await new Indexer(p, null).readAll(uris, {
    workspace,
    options: {},
    within: null,
    maxFileSize: SETUP.maxFileSize,
    isOpen: () => false,
    stale: () => false,
    progress: () => undefined,
  });
  assert.deepEqual(outcome.skipped, new Map());
  assert.deepEqual(workspace.paths(), [...uris].sort());
  const crash = pathToFileURL(file('crash.txt')).href;
  assert.deepEqual(workspace.get(crash)?.analysis, analyzeDocument(TEXTS['crash.txt']));
});

test('closing the pool cancels what is still waiting', async () => {
  const p = pool(WORKER, 1);
  const waiting = ['milley.txt', 'aid.txt', 'mayor.txt', 'crash.txt'].map((n) => p.analyse(file(n)));
  await p.close();
  const results = await Promise.all(waiting);
  assert.ok(results.some((r) => r.kind === 'cancelled'));
  assert.equal((await p.analyse(file('aid.txt'))).kind, 'cancelled');
});

test('a worker that has analysed its share is replaced by a fresh one, and no file is lost or answered twice', async () => {
  const p = pool(WORKER, 2, 2);
  const names = ['milley.txt', 'aid.txt', 'mayor.txt', 'crash.txt'];
  const files = Array.from({ length: 48 }, (_, i) => names[i % names.length]);
  const results = await Promise.all(files.map((n) => p.analyse(file(n))));
  results.forEach((r, i) => assert.deepEqual(analysed(r).analysis(), analyzeDocument(TEXTS[files[i]])));
  // A worker holds eight files at a time and retires once it has analysed two: it answers the eight, a fresh one takes over. 48 files take at least six.
  assert.ok(p.started >= 6, `started ${p.started}`);
});
