import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAMILIES, analysisSeconds } from '../../scripts/bench/scaling';
import { ANALYSIS_BUDGET_CHARS, analyzeDocument } from '../../src/core/analyze';

// Worst-case time (issue 20, docs/worst-case.md): each family of texts that once made a stage
// quadratic is analysed at two sizes, the second twice the first, and must take at most 2.5
// times as long — a ratio taken in one run, so it holds on a slow or loaded machine. Each size
// is timed a few times, interleaved, and the fastest kept: another process taking the core
// for a moment slows one run, not all. BYLINE_STRESS=1 (npm run test:stress) runs larger texts.

const STRESS = process.env.BYLINE_STRESS === '1';
/** Large enough that the quadratic paths this guards against took 2.9–7.5 times as long for twice the text. */
const SIZE = STRESS ? 250_000 : 100_000;
const RUNS = 3;
const MAX_RATIO = 2.5;

for (const family of FAMILIES) {
  test(`twice the text, at most ${MAX_RATIO} times the time: ${family.name}`, () => {
    const small = family.make(SIZE);
    const large = family.make(2 * SIZE);
    assert.ok(large.length >= 2 * SIZE && large.length < 2 * SIZE + 1000, `${large.length} characters`);
    analysisSeconds(family.make(SIZE / 10)); // warm the engine up on this family's paths
    let s = Infinity;
    let l = Infinity;
    for (let i = 0; i < RUNS; i++) {
      s = Math.min(s, analysisSeconds(small));
      l = Math.min(l, analysisSeconds(large));
    }
    const ratio = l / s;
    console.log(`# ${family.name}: ${(s * 1000).toFixed(0)} ms at ${SIZE / 1000} KB, ${(l * 1000).toFixed(0)} ms at ${(2 * SIZE) / 1000} KB: ${ratio.toFixed(2)}×`);
    assert.ok(ratio <= MAX_RATIO, `${ratio.toFixed(2)}× the time for twice the text (${s.toFixed(2)} s, then ${l.toFixed(2)} s)`);
  });
}

test('a text over the budget is cut there, with a diagnostic, whatever its family', () => {
  for (const family of FAMILIES) {
    const text = family.make(ANALYSIS_BUDGET_CHARS + 1000);
    const problems = analyzeDocument(text, { budgetChars: 50_000 }).problems.filter((p) => p.code === 'analysis-truncated');
    assert.equal(problems.length, 1, family.name);
    assert.ok(problems[0].start <= 50_000 && problems[0].start > 25_000, `${family.name}: cut at ${problems[0].start}`);
  }
});

test('the budget bounds the work: four times the budget costs about what the budget does', { skip: STRESS ? false : 'a minute of analysis: run by npm run test:stress' }, () => {
  for (const family of FAMILIES) {
    const budget = 200_000;
    const at = family.make(budget);
    const over = family.make(4 * budget);
    const time = (text: string) => {
      const t0 = performance.now();
      analyzeDocument(text, { budgetChars: budget });
      return performance.now() - t0;
    };
    time(at);
    const ratio = Math.min(time(over), time(over)) / Math.min(time(at), time(at));
    assert.ok(ratio < 1.5, `${family.name}: ${ratio.toFixed(2)}×`);
  }
});
