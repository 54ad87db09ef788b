import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CUE_VERB_FORMS } from '../../src/core/quotes/cueForms';
import { ATTITUDE_VERBS, QUOTE_ONLY_VERBS, SPEECH_VERBS, STANCE_VERBS } from '../../src/core/quotes/cues';
import { verbForms } from '../../src/core/text/lexicon';
import { analyzeDocument } from '../../src/core/analyze';

// The table of cue verb forms is made at build time (scripts/dev/cueForms.ts) so that no
// thread conjugates 131 verbs at start-up. It must say what compromise says today.

test('the cue verb forms table holds every built-in cue verb, conjugated as compromise does', () => {
  const verbs = [...new Set([...SPEECH_VERBS, ...QUOTE_ONLY_VERBS, ...ATTITUDE_VERBS, ...STANCE_VERBS])];
  const stale = 'out of date: run `npx tsc -p . && node out/scripts/dev/cueForms.js`';
  assert.deepEqual([...CUE_VERB_FORMS.keys()].sort(), [...verbs].sort(), stale);
  for (const verb of verbs) assert.deepEqual(CUE_VERB_FORMS.get(verb), verbForms(verb), `${verb}: ${stale}`);
  // What the table spares: irregular forms that no suffix rule gives.
  assert.deepEqual(CUE_VERB_FORMS.get('tell'), ['tell', 'told', 'tells', 'telling']);
});

test('a verb compromise takes for a noun is conjugated by the regular rules, doubling after "qu": “…,” Smith quipped', () => {
  assert.deepEqual(CUE_VERB_FORMS.get('quip'), ['quip', 'quips', 'quipped', 'quipping']);
  const text = 'Jane Smith spoke last. “Not bad for a Tuesday,” Smith quipped.';
  const [quote] = analyzeDocument(text).quotes;
  assert.equal(quote?.attribution?.cue?.text, 'quipped');
  assert.equal(analyzeDocument(text).speakers.find((s) => s.key === quote.attribution?.speakerKey)?.name, 'Jane Smith');
});
