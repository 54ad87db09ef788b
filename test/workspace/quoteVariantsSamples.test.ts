import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { foundPairs, KHERSON_VARIANTS, loadFolder, scoreVariants } from '../../scripts/eval/quoteVariants';
import { samplesDir } from '../helpers/paths';

// The sample workspace: five outlets quote Milley's remarks, in versions that differ. Every
// pair the index links is a pair of versions of one remark with the right relation; read in
// place (copyrighted), skipped where absent.

const present = fs.existsSync(samplesDir);
const skip = present ? false : `sample workspace not found at ${samplesDir}`;

test('kherson-talks: every pair of versions is linked and rightly labelled, the reported paraphrase too, and nothing else', { skip }, () => {
  const scores = scoreVariants(foundPairs(loadFolder(samplesDir)), KHERSON_VARIANTS);
  // 001 reports without marks "may not be achievable by military means, and therefore you must
  // look to other means"; 004 quotes "cannot be achieved by military means, so other means must
  // be resorted to": the report gives the end of the remark in its own order (compare.ts, `reordered`).
  assert.deepEqual(scores.wrong, []);
  assert.deepEqual([scores.worded.right, scores.worded.found, scores.same.right, scores.same.found], [8, 8, 5, 5]);
});
