import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturesDir, samplesDir } from '../helpers/paths';
import { SAMPLE_AGREEMENTS, evaluateConflicts } from '../../scripts/eval/conflicts';

// The sample workspace (five real reports, read from ../shared) and the conflict fixtures,
// through the same evaluation `npm run eval` prints.

test('sample workspace: no conflict, the shared figures agree; fixtures and variants: every expected pair, no false alarm', async () => {
  const result = await evaluateConflicts(samplesDir, fixturesDir);
  assert.equal(result.sampleConflicts, 0, result.lines.join('\n'));
  assert.ok(result.lines.includes(`  expected agreements found: ${SAMPLE_AGREEMENTS.length}/${SAMPLE_AGREEMENTS.length}`), result.lines.join('\n'));
  assert.equal(result.precision, 1, result.lines.join('\n'));
  assert.equal(result.recall, 1, result.lines.join('\n'));
  assert.ok(!result.lines.some((l) => l.includes('SKIPPED')), result.lines.join('\n'));
});
