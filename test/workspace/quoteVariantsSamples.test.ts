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

test('kherson-talks: every linked pair is a pair of versions, rightly labelled; one reported paraphrase is missed', { skip }, () => {
  const scores = scoreVariants(foundPairs(loadFolder(samplesDir)), KHERSON_VARIANTS);
  // 001 reports without marks "may not be achievable by military means, and therefore you must
  // look to other means"; 004 quotes "cannot be achieved by military means, so other means must
  // be resorted to". They share under 40% of the quotation's words: linking that little would
  // link unrelated reported speech too (see compare.ts, MIN_REPORTED_SHARE).
  assert.deepEqual(scores.wrong, ['not linked (worded-differently): 001 “Both sides must come” ~ 004 “cannot be achieved”']);
  assert.deepEqual([scores.worded.right, scores.worded.found, scores.same.right, scores.same.found], [7, 7, 5, 5]);
});
