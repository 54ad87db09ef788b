import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fixturesDir, samplesDir } from '../helpers/paths';
import { SAMPLE_AGREEMENTS, evaluateConflicts } from '../../scripts/eval/conflicts';

// The conflict fixtures (test/fixtures) and the sample workspace (five real reports, read from
// ../shared), through the same evaluation `npm run eval` prints.

const samples = fs.existsSync(samplesDir);
if (!samples) console.log(`# SKIP sample-workspace conflict tests: ${samplesDir} is absent`);

test('conflict fixtures: every expected pair, no false alarm', async () => {
  const result = await evaluateConflicts(null, fixturesDir);
  assert.equal(result.precision, 1, result.lines.join('\n'));
  assert.equal(result.recall, 1, result.lines.join('\n'));
  assert.ok(result.lines.filter((l) => l.includes('fixture ')).length >= 10, result.lines.join('\n'));
});

test('sample workspace: no conflict, the shared figures agree; its variants: every expected pair, no false alarm', { skip: samples ? false : 'sample workspace absent' }, async () => {
  const result = await evaluateConflicts(samplesDir, fixturesDir);
  assert.equal(result.sampleConflicts, 0, result.lines.join('\n'));
  assert.ok(result.lines.includes(`  expected agreements found: ${SAMPLE_AGREEMENTS.length}/${SAMPLE_AGREEMENTS.length}`), result.lines.join('\n'));
  assert.equal(result.precision, 1, result.lines.join('\n'));
  assert.equal(result.recall, 1, result.lines.join('\n'));
  assert.ok(!result.lines.some((l) => l.includes('SKIPPED')), result.lines.join('\n'));
});
