import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corporaDir } from '../helpers/paths';
import { evaluateNewsQuant } from '../../scripts/eval/newsquant';

// A guard on quality: NewsQuant value F1 (read from ../shared, never copied) stays above target.

const dev = path.join(corporaDir, 'newsquant', 'dev.json');
const present = fs.existsSync(dev);
if (!present) console.log(`# SKIP NewsQuant quality test: ${dev} is absent`);

test('NewsQuant value F1 is at least 0.85', { skip: present ? false : 'NewsQuant corpus absent' }, async () => {
  const result = await evaluateNewsQuant(dev);
  assert.ok(result.valueF1 >= 0.85, result.lines.join('\n'));
});
