import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/analyze';

// The speaker model (src/core/speakers/nearby.ts) for quotations no cue links to anyone: the
// person named around the quote, or no one when nobody named there would speak it.

function speakers(text: string): Array<[string, string | null, string | null]> {
  const { quotes, speakers } = analyzeDocument(text);
  return quotes.map((q) => [q.text, speakers.find((s) => s.key === q.attribution?.speakerKey)?.name ?? null, q.attribution?.via ?? null]);
}

test('a quote after a dash, with no verb of speech, is the person the sentence is about', () => {
  assert.deepEqual(speakers('Bernie Sanders was in a fighting mood at the end of the night — “We are going to raise the minimum wage in this country.”'), [
    ['We are going to raise the minimum wage in this country.', 'Bernie Sanders', 'nearby'],
  ]);
});

test('cues the rules do not link to their quote (issue 18): "commented on …,", "a quote attributed to … —"', () => {
  assert.deepEqual(speakers('Stan Lee commented on the creation of the new party, “It is the best thing that has happened to us.”'), [
    ['It is the best thing that has happened to us.', 'Stan Lee', 'nearby'],
  ]);
  assert.deepEqual(speakers('There is a quote attributed to Einstein — “Imagination is more important than knowledge.”'), [
    ['Imagination is more important than knowledge.', 'Einstein', 'nearby'],
  ]);
});

test('no person speaks a quote that follows only a body and a document', () => {
  assert.deepEqual(speakers('The report was published by the Pentagon on Monday. “Readiness across the force remains uneven and training hours fell again this year.”'), [
    ['Readiness across the force remains uneven and training hours fell again this year.', null, null],
  ]);
});

test('a cue still decides before the model: the speaker next to the quote, not the one named before it', () => {
  assert.deepEqual(speakers('Bernie Sanders was in a fighting mood at the end of the night. “We will not be quiet,” Jane Okafor said.'), [['We will not be quiet,', 'Jane Okafor', 'cue']]);
});
