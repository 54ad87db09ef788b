import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisCache } from '../../src/node/cache';
import { Indexer } from '../../src/server/indexer';
import { AnalysisPool } from '../../src/server/pool';
import { Workspace } from '../../src/workspace/workspace';

// A second scan of an unchanged folder takes every digest from the cache and builds the same
// workspace, reading analyses back from the cache when they are asked for; an entry damaged on
// disk is analysed again, never trusted.

const WORKER = path.join(__dirname, '..', '..', 'src', 'server', 'worker.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-indexer-'));
const articles = path.join(root, 'articles');
const storage = path.join(root, 'storage');
fs.mkdirSync(articles);
const TEXTS = [
  'Gen. Mark Milley said on Tuesday that "the war will go on through the winter."\n',
  'The White House asked Congress for $38 billion in aid, officials said.\n',
  'Officials said 40,000 troops were in Kherson, "and more are coming," one added.\n',
];
const uris = TEXTS.map((text, i) => {
  const file = path.join(articles, `${i}.txt`);
  fs.writeFileSync(file, text);
  return pathToFileURL(file).href;
});

const pools: AnalysisPool[] = [];
after(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function scan(): Promise<{ workspace: Workspace; fromCache: number }> {
  const pool = new AnalysisPool(2, WORKER);
  pools.push(pool);
  const workspace = new Workspace();
  const cache = AnalysisCache.open(storage, 'test-engine');
  workspace.readAnalysesFrom((hash) => {
    readBack.push(hash);
    return cache.get(hash);
  });
  const indexer = new Indexer(pool, cache);
  const target = { workspace, options: {}, maxFileSize: 1 << 20, within: null, isOpen: () => false, stale: () => false, progress: () => undefined };
  const outcome = await indexer.readAll(uris, target);
  return { workspace, fromCache: outcome.fromCache };
}

/** Hashes whose analyses a workspace read back from the cache. */
const readBack: string[] = [];
const analyses = (ws: Workspace) => uris.map((u) => ws.get(u)?.analysis);
const digests = (ws: Workspace) => uris.map((u) => ws.get(u)?.digest);

test('a second scan takes every digest from the cache, builds the same index, and reads analyses back when asked', async () => {
  const cold = await scan();
  assert.equal(cold.fromCache, 0);
  const warm = await scan();
  assert.equal(warm.fromCache, TEXTS.length);
  assert.deepEqual(digests(warm.workspace), digests(cold.workspace));
  assert.deepEqual(warm.workspace.speakers.all(), cold.workspace.speakers.all());
  const coldAnalyses = analyses(cold.workspace);
  readBack.length = 0;
  assert.deepEqual(analyses(warm.workspace), coldAnalyses);
  assert.deepEqual(readBack, uris.map((u) => warm.workspace.get(u)?.hash));
  // Read once, then kept.
  analyses(warm.workspace);
  assert.equal(readBack.length, TEXTS.length);
});

/** Flips a byte of the analysis that holds `words`, or of its digest (written after it). */
function damage(words: string, record: 'analysis' | 'digest'): void {
  const file = path.join(storage, fs.readdirSync(storage)[0]);
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(words, 'latin1');
  const at = record === 'analysis' ? bytes.indexOf(needle) : bytes.lastIndexOf(needle);
  assert.ok(at > 0);
  bytes[at] ^= 0xff;
  fs.writeFileSync(file, bytes);
}

test('a digest damaged on disk is analysed again', async () => {
  const cold = await scan();
  damage('38 billion', 'digest');
  const warm = await scan();
  assert.equal(warm.fromCache, TEXTS.length - 1);
  assert.deepEqual(digests(warm.workspace), digests(cold.workspace));
  assert.deepEqual(analyses(warm.workspace), analyses(cold.workspace));
});

test('an analysis damaged on disk is made again from the text when it is read back', async () => {
  const cold = await scan();
  damage('38 billion', 'analysis');
  const warm = await scan();
  assert.equal(warm.fromCache, TEXTS.length);
  assert.deepEqual(analyses(warm.workspace), analyses(cold.workspace));
});
