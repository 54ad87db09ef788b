import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/analyze';

// The families of attribution errors seen on news Byline had never read (issue 18), each with
// small hand-written sentences: asides between a name and its cue, cues Byline did not link,
// fronted phrases, pronouns inside the reported clause, non-person sources, scare quotes.

/** [kind, quote text, speaker name, mention] for every quote. */
function read(text: string): Array<[string, string, string | null, string | null]> {
  const { quotes, speakers } = analyzeDocument(text);
  return quotes.map((q) => [q.kind, q.text, speakers.find((s) => s.key === q.attribution?.speakerKey)?.name ?? null, q.attribution?.mention?.text ?? null]);
}

test('a cue inside reported content does not take the sentence from the speaker who ends it', () => {
  assert.deepEqual(read('WASHINGTON (Reuters) - Russia had about 60,000 troops in Kherson before it announced its retreat, Milley said.'), [
    ['indirect', 'Russia had about 60,000 troops in Kherson before it announced its retreat', 'Milley', 'Milley'],
  ]);
  assert.deepEqual(read('The ministry had warned voters before the poll opened, Jane Okafor said on Tuesday.'), [
    ['indirect', 'The ministry had warned voters before the poll opened', 'Jane Okafor', 'Jane Okafor'],
  ]);
});

test('an aside between a name and its cue: a place of remarks, a role, a qualifier of the name', () => {
  assert.deepEqual(read('Suleiman al-Amr, in remarks to al-Ikhbariya television, said, "We will not leave."'), [['direct', 'We will not leave.', 'Suleiman al-Amr', 'Suleiman al-Amr']]);
  assert.deepEqual(read('Luis Gomez spoke. Gomez, Panama coach, said, "We played well."'), [['direct', 'We played well.', 'Luis Gomez', 'Gomez']]);
  assert.deepEqual(read('Lee Zeldin of New York, a Trump supporter, said it will help both men.'), [['indirect', 'it will help both men', 'Lee Zeldin', 'Lee Zeldin of New York']]);
  assert.deepEqual(read('"It is a new era," John Eastman, Director of the Center, and Chairman of the Board, says.'), [['direct', 'It is a new era,', 'John Eastman', 'John Eastman']]);
});
