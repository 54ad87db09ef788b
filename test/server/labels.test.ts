import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelName, placeLabel, shortName } from '../../src/shared/names';
import { sentenceAround } from '../../src/server/navigation';
import { plural } from '../../src/shared/plural';
import { groupTooltip, speakerTooltip } from '../../src/client/labels';

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

test('a speaker’s tooltip adds what the row leaves out: roles, other names, an unnamed speaker’s kind; never the name or the counts again', () => {
  const milley = speakerTooltip({ name: 'Mark Milley', kind: 'person', roles: ['General', 'chairman of the US Joint Chiefs', 'general', 'Army Gen.', 'Joint Chief of Staff', 'Army Chief of Staff'], aliases: ['Milli', 'Mille'] });
  assert.equal(milley, 'Roles in the articles: General · chairman of the US Joint Chiefs · Army Gen. · Joint Chief of Staff, and 1 more.\n\nAlso named: Milli, Mille.');
  assert.ok(!milley.includes('Mark Milley'));
  assert.equal(speakerTooltip({ name: 'a US official', kind: 'unknown', roles: ['a US official'], aliases: [] }), 'An unnamed source.');
  assert.equal(speakerTooltip({ name: 'Kirby', kind: 'person', roles: [], aliases: [] }), 'The articles give no role and no other name.');
});

test('a group of claims’ tooltip names the files and says what a conflict is, without repeating the label', () => {
  const claims = ['file:///w/003.txt', 'file:///w/004.txt', 'file:///w/004.txt'].map((uri) => ({ uri }));
  assert.equal(groupTooltip({ conflicts: 0, claims }), '3 figures in 2 files: 003.txt, 004.txt.\n\nThey all agree.');
  assert.equal(groupTooltip({ conflicts: 1, claims }), '3 figures in 2 files: 003.txt, 004.txt.\n\nOne of them conflicts with a figure another file gives for the same thing.');
  const many = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ uri: `file:///w/${n}.txt` }));
  assert.equal(groupTooltip({ conflicts: 2, claims: many }), '5 figures in 5 files: a.txt, b.txt, c.txt and 2 more.\n\n2 of them conflict with a figure another file gives for the same thing.');
});
