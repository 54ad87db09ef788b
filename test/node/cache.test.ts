import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeDocument } from '../../src/core/analyze';
import { AnalysisCache } from '../../src/node/cache';
import { digestOf } from '../../src/workspace/digest';

// The on-disk analysis cache never hands back what it cannot vouch for: damaged bytes, data
// of the wrong shape and another engine's results are misses (the file is analysed again), a
// write cut short loses only itself, and deleting the folder at any time is safe.

const ENGINE = 'engine-a';
const TEXTS = [
  'Gen. Mark Milley said on Tuesday that "the war will go on through the winter."\n',
  'The White House asked Congress for $38 billion in aid, officials said.\n',
  '"We are not leaving," the mayor told reporters.\n',
];
const analyses = TEXTS.map((t) => analyzeDocument(t));
const KEYS = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];

function folder(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'byline-cache-')), 'analysis-cache');
}

async function filled(dir: string): Promise<AnalysisCache> {
  const cache = AnalysisCache.open(dir, ENGINE);
  KEYS.forEach((k, i) => cache.put(k, analyses[i]));
  await cache.flush();
  return cache;
}

const cacheFile = (dir: string) => path.join(dir, fs.readdirSync(dir)[0]);

test('round trip: what is put and flushed is read back equal after reopening', async () => {
  const dir = folder();
  const first = await filled(dir);
  assert.deepEqual(first.get(KEYS[1]), analyses[1]);
  const again = AnalysisCache.open(dir, ENGINE);
  assert.equal(again.size, 3);
  KEYS.forEach((k, i) => assert.deepEqual(again.get(k), analyses[i]));
  KEYS.forEach((k, i) => assert.deepEqual(again.digest(k), digestOf(analyses[i])));
  assert.equal(again.get('d'.repeat(40)), null);
  assert.equal(again.digest('d'.repeat(40)), null);
});

test('an entry whose bytes were damaged is a miss and is forgotten; the others still load; a new put replaces it', async () => {
  const dir = folder();
  await filled(dir);
  const bytes = fs.readFileSync(cacheFile(dir));
  // Flip a byte inside the second record's payload (the text of its claim).
  const at = bytes.indexOf(Buffer.from('38 billion', 'latin1'));
  assert.ok(at > 0);
  bytes[at] ^= 0xff;
  fs.writeFileSync(cacheFile(dir), bytes);
  const cache = AnalysisCache.open(dir, ENGINE);
  assert.equal(cache.get(KEYS[1]), null);
  assert.equal(cache.has(KEYS[1]), false);
  assert.deepEqual(cache.get(KEYS[0]), analyses[0]);
  assert.deepEqual(cache.get(KEYS[2]), analyses[2]);
  cache.put(KEYS[1], analyses[1]);
  await cache.flush();
  assert.deepEqual(AnalysisCache.open(dir, ENGINE).get(KEYS[1]), analyses[1]);
});

test('well-formed data that is not an analysis, or not a digest, is a miss', async () => {
  const dir = folder();
  const cache = AnalysisCache.open(dir, ENGINE);
  const notAnalysis = { quotes: [{ start: 'zero' }], speakers: [], claims: [], problems: [] };
  const notDigest = { ...digestOf(analyses[1]), speakers: [{ key: 's0', name: 'Milley' }] };
  cache.putBytes(KEYS[0], { analysis: v8.serialize(notAnalysis), digest: v8.serialize(digestOf(analyses[0])) });
  cache.putBytes(KEYS[1], { analysis: v8.serialize(analyses[1]), digest: v8.serialize(notDigest) });
  await cache.flush();
  const reopened = AnalysisCache.open(dir, ENGINE);
  assert.equal(reopened.get(KEYS[0]), null);
  assert.equal(reopened.digest(KEYS[1]), null);
  // A bad half takes its hash's other half with it: both are made again.
  assert.equal(reopened.has(KEYS[1]), false);
});

test('another engine version is never trusted: the file is ignored, then started again', async () => {
  const dir = folder();
  await filled(dir);
  const newer = AnalysisCache.open(dir, 'engine-b');
  assert.equal(newer.size, 0);
  assert.equal(newer.get(KEYS[0]), null);
  newer.put(KEYS[2], analyses[2]);
  await newer.flush();
  assert.equal(AnalysisCache.open(dir, ENGINE).size, 0);
  const reopened = AnalysisCache.open(dir, 'engine-b');
  assert.deepEqual(reopened.keys(), [KEYS[2]]);
});

test('a write cut short loses only its own record, and later records are appended where it started', async () => {
  const dir = folder();
  await filled(dir);
  const file = cacheFile(dir);
  // The last record is the third analysis's digest.
  fs.truncateSync(file, fs.statSync(file).size - 10);
  const cache = AnalysisCache.open(dir, ENGINE);
  assert.deepEqual(cache.get(KEYS[2]), analyses[2]);
  assert.equal(cache.digest(KEYS[2]), null);
  assert.deepEqual(cache.digest(KEYS[1]), digestOf(analyses[1]));
  cache.put(KEYS[2], analyses[2]);
  await cache.flush();
  const reopened = AnalysisCache.open(dir, ENGINE);
  KEYS.forEach((k, i) => assert.deepEqual(reopened.get(k), analyses[i]));
  assert.deepEqual(reopened.digest(KEYS[2]), digestOf(analyses[2]));
});

test('deleting the cache folder mid-run is safe: reads miss, the next write starts a new file', async () => {
  const dir = folder();
  const cache = await filled(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(cache.get(KEYS[0]), null);
  cache.put(KEYS[0], analyses[0]);
  await cache.flush();
  assert.deepEqual(cache.get(KEYS[0]), analyses[0]);
  const reopened = AnalysisCache.open(dir, ENGINE);
  assert.deepEqual(reopened.keys(), [KEYS[0]]);
  assert.deepEqual(reopened.get(KEYS[0]), analyses[0]);
});

test('an unwritable cache folder is reported once, never thrown, however many writes it fails', async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-cache-'));
  const blocked = path.join(parent, 'a-file');
  fs.writeFileSync(blocked, '');
  const cache = AnalysisCache.open(path.join(blocked, 'analysis-cache'), ENGINE);
  cache.put(KEYS[0], analyses[0]);
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  try {
    await cache.flush();
    cache.put(KEYS[1], analyses[1]);
    await cache.flush();
  } finally {
    console.error = original;
  }
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.match(String((errors[0] as unknown[])[0]), /^Byline: could not write the analysis cache in .*; analyses are made again next time instead of read back$/);
});

// Two servers share one storage folder when no folder is open (VS Code's global storage): each
// holds its own view of where the file ends, and neither may cut the other's records short.
test('two caches writing one folder in turn keep each other\'s records', async () => {
  const dir = folder();
  const a = AnalysisCache.open(dir, ENGINE);
  const b = AnalysisCache.open(dir, ENGINE);
  a.put(KEYS[0], analyses[0]);
  await a.flush();
  b.put(KEYS[1], analyses[1]);
  await b.flush();
  a.put(KEYS[2], analyses[2]);
  await a.flush();
  // Each still reads its own records, and a new reader finds all three.
  assert.deepEqual(a.get(KEYS[0]), analyses[0]);
  assert.deepEqual(b.get(KEYS[1]), analyses[1]);
  const again = AnalysisCache.open(dir, ENGINE);
  assert.equal(again.size, 3);
  KEYS.forEach((k, i) => assert.deepEqual(again.get(k), analyses[i]));
});

test('flushes of two caches at the same moment lose nothing, and a lock left by a process that died is taken over', async () => {
  const dir = folder();
  fs.mkdirSync(dir, { recursive: true });
  // A lock held by no living process (pid 2^22 + 1 is above Linux's pid_max default).
  fs.writeFileSync(path.join(dir, 'analyses.bin.lock'), String(4194305));
  const caches = [AnalysisCache.open(dir, ENGINE), AnalysisCache.open(dir, ENGINE), AnalysisCache.open(dir, ENGINE)];
  caches.forEach((c, i) => c.put(KEYS[i], analyses[i]));
  await Promise.all(caches.map((c) => c.flush()));
  const again = AnalysisCache.open(dir, ENGINE);
  KEYS.forEach((k, i) => assert.deepEqual(again.get(k), analyses[i]));
  assert.deepEqual(fs.readdirSync(dir).sort(), ['analyses.bin']);
});
