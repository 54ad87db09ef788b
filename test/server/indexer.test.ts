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

// A second scan of an unchanged folder takes every analysis from the cache and builds the same
// workspace; an entry damaged on disk is analysed again, never trusted.

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
  const indexer = new Indexer(pool, AnalysisCache.open(storage, 'test-engine'));
  const target = { workspace, options: {}, maxFileSize: 1 << 20, isOpen: () => false, stale: () => false, progress: () => undefined };
  const outcome = await indexer.readAll(uris, target);
  return { workspace, fromCache: outcome.fromCache };
}

const analyses = (ws: Workspace) => uris.map((u) => ws.get(u)?.analysis);

test('a second scan takes every analysis from the cache and builds the same index', async () => {
  const cold = await scan();
  assert.equal(cold.fromCache, 0);
  const warm = await scan();
  assert.equal(warm.fromCache, TEXTS.length);
  assert.deepEqual(analyses(warm.workspace), analyses(cold.workspace));
  assert.deepEqual(warm.workspace.speakers.all(), cold.workspace.speakers.all());
});

test('a cache entry damaged on disk is analysed again', async () => {
  const cold = await scan();
  const file = path.join(storage, fs.readdirSync(storage)[0]);
  const bytes = fs.readFileSync(file);
  bytes[bytes.indexOf(Buffer.from('38 billion', 'latin1'))] ^= 0xff;
  fs.writeFileSync(file, bytes);
  const warm = await scan();
  assert.equal(warm.fromCache, TEXTS.length - 1);
  assert.deepEqual(analyses(warm.workspace), analyses(cold.workspace));
});
