import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claim } from './helpers';
import { countedKey } from '../../src/core/claims';

// What is counted, what happened to it, where and when.

test('coordinated claims share the measure after the last of them', () => {
  const text = 'He said as many as 40,000 Ukrainian civilians and "well over" 100,000 Russian soldiers have been killed or wounded in the war.';
  const civilians = claim(text, 'as many as 40,000');
  const soldiers = claim(text, '"well over" 100,000');
  assert.deepEqual([civilians.counted, civilians.measure, civilians.unit], ['Ukrainian civilians', 'killed or wounded', 'people']);
  assert.deepEqual([soldiers.counted, soldiers.measure, soldiers.unit], ['Russian soldiers', 'killed or wounded', 'people']);
});

test('a measure inside the counted words is taken out of them: "40,000 civilian deaths"', () => {
  const c = claim('Ukraine suffered 40,000 civilian deaths.', '40,000');
  assert.deepEqual([c.counted, c.measure, c.unit], ['civilian', 'deaths', 'people']);
});

test('a measure before the number: "displaced more than 13 million people"', () => {
  const c = claim('The offensive has displaced more than 13 million people.', 'more than 13 million');
  assert.deepEqual([c.counted, c.measure], ['people', 'displaced']);
});

test('a share counts the whole after "of": "roughly 20 percent of Ukraine" is occupied', () => {
  const c = claim('Russia still occupies roughly 20 percent of Ukraine.', 'roughly 20 percent');
  assert.deepEqual([c.counted, c.measure, c.unit], ['Ukraine', 'occupied', 'percent']);
  assert.equal(countedKey('the Ukrainian region'), 'ukraine');
  assert.equal(countedKey(c.counted as string), 'ukraine');
});

test('money in aid, and a measure found later in the clause: "$38 billion from Congress this week to aid Kiev"', () => {
  const c = claim('The White House requested an additional $38 billion from Congress this week to aid Kiev.', '$38 billion');
  assert.deepEqual([c.unit, c.measure], ['USD', 'aid']);
});

test('dimensions: "560 miles in length", "50 miles wide"', () => {
  const text = 'Russia occupies an area of roughly 560 miles in length and 50 miles wide.';
  assert.deepEqual([claim(text, 'roughly 560 miles').measure, claim(text, '50 miles').measure], ['length', 'width']);
});

test('the place of a claim: "troops in Kherson", "from the Ukrainian city of Kherson", "Ukraine\'s … war"', () => {
  assert.equal(claim('Russia amassed 20,000 to 30,000 troops in Kherson.', '20,000 to 30,000').place, 'kherson');
  assert.equal(claim('Russia is withdrawing 20,000 to 30,000 troops from the Ukrainian city of Kherson.', '20,000 to 30,000').place, 'kherson');
  assert.equal(claim("It is Ukraine's more than eight-month war.", 'more than eight-month').place, 'ukraine');
});

test('context: the places and peoples of the sentence tie a figure to its story', () => {
  const c = claim('Russian forces hold 20,000 troops in Kherson.', '20,000');
  assert.deepEqual([...c.context].sort(), ['kherson', 'russia']);
});

test('when: an era or a year in the sentence', () => {
  assert.equal(claim('Over the first months of World War I, one million people died.', 'one million').when, 'world war i');
  assert.equal(claim('It resulted in 20 million murdered by 1918.', '20 million').when, '1918');
});

test('counted words meet across spellings: troops and soldiers, plural and singular', () => {
  assert.equal(countedKey('Russian troops'), countedKey('Russian soldiers'));
  assert.equal(countedKey('civilians'), countedKey('civilian'));
  assert.notEqual(countedKey('Russian soldiers'), countedKey('Ukrainian soldiers'));
});

test('plural nouns the lexicon also knows as verbs are counted: "60 votes", "two major parties"', () => {
  assert.equal(claim('The White House wanted 60 votes on climate.', '60').counted, 'votes');
  assert.equal(claim('The nominees of the two major parties met.', 'two').counted, 'major parties');
  assert.equal(claim('The case will be heard by 10 judges rather than 11.', '10').counted, 'judges');
});

test('a figure inside a quotation is still a claim', () => {
  const c = claim('“We have lost 5,000 Ukrainian soldiers,” the general said.', '5,000');
  assert.deepEqual([c.counted, c.comparable], ['Ukrainian soldiers', true]);
});

test('a name that ends in an organisation\'s head is no place: "from the Democratic Party"', () => {
  assert.equal(claim('Ninety percent of the 288 candidates come from the Democratic Party.', '288').place, null);
  assert.equal(claim('Some 5,000 troops were sent into the Gaza Strip.', 'Some 5,000').place, 'gaza strip');
});
