import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/analyze';
import { Workspace } from '../../src/workspace/workspace';

// A large document analysed elsewhere is prepared a slice at a time before its merge
// (Workspace.prepare, as the language server does): the merge must then give what merging it
// at once gives, to it and to the files beside it.

const BESIDE = 'Russia has 20,000 troops in Kherson. “We will not give up a single inch of our land,” Zelensky said.';
const LARGE = Array.from(
  { length: 120 },
  (_, i) => `Russia has 40,000 troops in Kherson, and ${i + 2} people were missing. “We will not give up a single inch of our land, part ${i},” Zelensky said.`,
).join('\n');

test('a document prepared a slice at a time merges as one set at once: the same diagnostics here and beside it, and the same conflict count', () => {
  const direct = new Workspace();
  direct.set('beside.txt', BESIDE);
  const changedAtOnce = direct.set('large.txt', LARGE, analyzeDocument(LARGE));
  const sliced = new Workspace();
  sliced.set('beside.txt', BESIDE);
  const analysis = analyzeDocument(LARGE);
  assert.ok(analysis.claims.length > 128, 'enough claims for the claim slices to stop at a look at the clock');
  const steps = sliced.prepare('large.txt', analysis, 0);
  let step = steps.next();
  let slices = 0;
  for (; !step.done; step = steps.next()) slices++;
  assert.ok(slices > 4, `a slice of no time stops at every look at the clock (${slices} steps)`);
  const changed = sliced.setMany([{ path: 'large.txt', text: LARGE, analysis, digest: step.value }]);
  assert.deepEqual([...changed].sort(), [...changedAtOnce].sort());
  for (const p of ['beside.txt', 'large.txt']) assert.deepEqual(sliced.diagnostics(p), direct.diagnostics(p), p);
  assert.ok(direct.diagnostics('beside.txt').some((d) => d.code === 'conflicting-claim'), 'the figures beside conflict with some of the large document’s');
  assert.equal(sliced.conflictCount(), direct.conflictCount());
});

test('a document whose preparation another change overtook still merges as one set at once', () => {
  const OTHER = 'Russia has 30,000 troops in Kherson.';
  const direct = new Workspace();
  direct.set('beside.txt', BESIDE);
  direct.set('other.txt', OTHER);
  direct.set('large.txt', LARGE, analyzeDocument(LARGE));
  const sliced = new Workspace();
  sliced.set('beside.txt', BESIDE);
  const analysis = analyzeDocument(LARGE);
  const steps = sliced.prepare('large.txt', analysis, 0);
  let step = steps.next();
  // Well into the claims' links (the traits and members come first), then another file comes.
  for (let i = 0; i < 8; i++) step = steps.next();
  assert.ok(!step.done);
  sliced.set('other.txt', OTHER);
  for (; !step.done; step = steps.next());
  sliced.setMany([{ path: 'large.txt', text: LARGE, analysis, digest: step.value }]);
  for (const p of ['beside.txt', 'other.txt', 'large.txt']) assert.deepEqual(sliced.diagnostics(p), direct.diagnostics(p), p);
  assert.ok(direct.diagnostics('other.txt').some((d) => d.code === 'conflicting-claim'));
  assert.equal(sliced.conflictCount(), direct.conflictCount());
});
