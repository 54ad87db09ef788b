import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelName, placeLabel, shortName } from '../../src/shared/names';
import { sentenceAround } from '../../src/server/navigation';
import { plural } from '../../src/shared/plural';

// What a reader reads in labels and tooltips: names, counts, a figure's sentence.

test('names shown to a reader: capitalised at the start of a label, a person by surname beside a quote', () => {
  assert.equal(labelName('administration'), 'Administration');
  assert.equal(labelName('a US official'), 'A US official');
  assert.equal(labelName('Mark Milley'), 'Mark Milley');
  assert.equal(shortName('Mark Milley', 'person'), 'Milley');
  assert.equal(shortName('Martin Luther King Jr.', 'person'), 'King');
  assert.equal(shortName('the White House', 'organization'), 'the White House');
  assert.equal(placeLabel('new york'), 'New York');
});

test('a figure’s sentence, for the Claims view’s tooltip: within its paragraph, from the end of the sentence before', () => {
  const text = 'First line.\nThe war began in February. Russia has 20,000 troops in Kherson, officials said. Talks may follow.\nLast.';
  const start = text.indexOf('20,000');
  assert.equal(sentenceAround(text, start, start + 6), 'Russia has 20,000 troops in Kherson, officials said.');
  const alone = 'Some 40,000 people';
  assert.equal(sentenceAround(alone, 5, 11), 'Some 40,000 people');
});

test('counts agree with their number', () => {
  assert.equal(plural(1, 'conflict'), '1 conflict');
  assert.equal(plural(0, 'conflict'), '0 conflicts');
  assert.equal(plural(1024, 'article'), '1,024 articles');
});
