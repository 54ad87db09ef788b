import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';
import { AnalysisPool } from '../../src/server/pool';
import { contentHash } from '../../src/workspace/contentHash';
import { decodeInTurns } from '../../src/server/parts';

// An open document's text analysed on a worker (session.ts, for large documents) gives what
// analysing it in the server's thread gives, decoded in parts (parts.ts); one given up before a
// worker takes it never runs.

const WORKER = path.join(__dirname, '..', '..', 'src', 'server', 'worker.js');
const TEXT = 'Gen. Mark Milley said on Tuesday that "the war will go on through the winter."\nOfficials said 40,000 troops were in Kherson.\n';

const pool = new AnalysisPool(1, WORKER);
pool.setup({ options: { cueVerbs: ['opine'] }, maxFileSize: 1024, sizeSetting: 'the test limit', within: null, cache: null });
after(() => pool.close());

test('a text analysed on a worker: the same analysis and hash as in this thread, decoded a part per turn', async () => {
  // Enough quotes and figures for several parts (parts.ts): a part holds 500.
  const text = TEXT.repeat(1500);
  const result = await pool.analyseText(text).result;
  assert.equal(result.kind, 'parts');
  if (result.kind !== 'parts') return;
  assert.ok(result.parts.length > 3, `${result.parts.length} parts`);
  const here = analyzeDocument(text, { cueVerbs: ['opine'] });
  assert.deepEqual(await decodeInTurns(result.parts, () => true), here);
  assert.equal(result.hash, contentHash(text, { cueVerbs: ['opine'] }));
  let asked = 0;
  assert.equal(await decodeInTurns(result.parts, () => ++asked < 2), null, 'no longer wanted after the second part');
});

test('texts given up while they wait are never analysed; the one in work and the latest are', async () => {
  const first = pool.analyseText(TEXT);
  const second = pool.analyseText(TEXT + 'A second text.\n');
  const third = pool.analyseText(TEXT + 'A third text.\n');
  // The first is with the worker already: giving it up does nothing, its result comes.
  first.cancel();
  second.cancel();
  const [a, b, c] = await Promise.all([first.result, second.result, third.result]);
  assert.equal(a.kind, 'parts');
  assert.equal(b.kind, 'cancelled');
  assert.equal(c.kind, 'parts');
  if (c.kind === 'parts') assert.equal(c.hash, contentHash(TEXT + 'A third text.\n', { cueVerbs: ['opine'] }));
});
