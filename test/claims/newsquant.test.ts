import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { corporaDir } from '../helpers/paths';
import { evaluateNewsQuant } from '../../scripts/eval/newsquant';

// A guard on quality: NewsQuant value F1 (read from ../shared, never copied) stays above target.

test('NewsQuant value F1 is at least 0.85', async () => {
  const result = await evaluateNewsQuant(path.join(corporaDir, 'newsquant', 'dev.json'));
  assert.ok(result.valueF1 >= 0.85, result.lines.join('\n'));
});
