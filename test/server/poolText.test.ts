import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';
import { AnalysisPool } from '../../src/server/pool';
import { contentHash } from '../../src/workspace/contentHash';
import { digestOf } from '../../src/workspace/digest';

// An open document's text analysed on a worker (session.ts, for large documents) gives what
// analysing it in the server's thread gives; one given up before a worker takes it never runs.

const WORKER = path.join(__dirname, '..', '..', 'src', 'server', 'worker.js');
const TEXT = 'Gen. Mark Milley said on Tuesday that "the war will go on through the winter."\nOfficials said 40,000 troops were in Kherson.\n';

const pool = new AnalysisPool(1, WORKER);
pool.setup({ options: { cueVerbs: ['opine'] }, maxFileSize: 1024, sizeSetting: 'the test limit', within: null, cache: null });
after(() => pool.close());

test('a text analysed on a worker: the same analysis, digest and hash as in this thread', async () => {
  const result = await pool.analyseText(TEXT).result;
  assert.equal(result.kind, 'analysed');
  if (result.kind !== 'analysed') return;
  const here = analyzeDocument(TEXT, { cueVerbs: ['opine'] });
  assert.deepEqual(result.analysis(), here);
  assert.deepEqual(result.digest, digestOf(here));
  assert.equal(result.hash, contentHash(TEXT, { cueVerbs: ['opine'] }));
  assert.equal(result.text, TEXT);
});

test('texts given up while they wait are never analysed; the one in work and the latest are', async () => {
  const first = pool.analyseText(TEXT);
  const second = pool.analyseText(TEXT + 'A second text.\n');
  const third = pool.analyseText(TEXT + 'A third text.\n');
  // The first is with the worker already: giving it up does nothing, its result comes.
  first.cancel();
  second.cancel();
  const [a, b, c] = await Promise.all([first.result, second.result, third.result]);
  assert.equal(a.kind, 'analysed');
  assert.equal(b.kind, 'cancelled');
  assert.equal(c.kind, 'analysed');
  if (c.kind === 'analysed') assert.match(c.text, /A third text/);
});
