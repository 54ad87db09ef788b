import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claim, claimsIn } from './helpers';

// Numbers that are not figures of the story are not claims; some figures are claims that
// are never compared across files.

test('years, decades and year spans are not claims', () => {
  assert.deepEqual(claimsIn('Russia has held Crimea since 2014.'), []);
  assert.deepEqual(claimsIn('Prices doubled in the 1990s.'), []);
  assert.deepEqual(claimsIn('World War II (1939-1945) ended.'), []);
  assert.deepEqual(claimsIn('It will be finished by 2120.'), []);
});

test('a four-digit number followed by what it counts is a count, not a year', () => {
  assert.equal(claim('More than 2000 employees were laid off.', 'More than 2000').value, 2000);
  assert.equal(claim('The 1520 sq m centre opened.', '1520 sq m').unit, 'm²');
});

test('dates and times of day are not claims', () => {
  assert.deepEqual(claimsIn('The war began on February 24 with the invasion.'), []);
  assert.deepEqual(claimsIn('It happened on 24 February.'), []);
  assert.deepEqual(claimsIn('The vote is on March 29th.'), []);
  assert.deepEqual(claimsIn('He spoke at 10:30 a.m. on Monday.'), []);
  assert.deepEqual(claimsIn('The market opened at 5pm.'), []);
  assert.deepEqual(claimsIn('The offensive began two months ago.'), []);
});

test('list numbering and numbers in names are not claims', () => {
  assert.deepEqual(claimsIn('1. Kherson is the only regional capital taken.'), []);
  assert.deepEqual(claimsIn('The Warriors won Game 7 on Sunday.'), []);
  assert.deepEqual(claimsIn('Milley spoke after the 7th session of the contact group.'), []);
  assert.deepEqual(claimsIn('He lives at 49 Zorro Ranch Road.'), []);
  assert.deepEqual(claimsIn('It was a category 4 hurricane.'), []);
});

test('ages are claims of a person: named beside them, a noun that says who, or someone the sentence does not name', () => {
  assert.deepEqual([claim('Senard, 65, now faces the task.', '65').comparable, claim('Senard, 65, now faces the task.', '65').frame.what], [true, 'age-of-senard']);
  assert.equal(claim('A 50-year-old man was arrested.', '50-year-old').frame.what, 'age-of-man');
  const c = claim('The suspect, aged 34, fled.', '34');
  assert.deepEqual([c.measure, c.comparable, c.frame.what], ['age', true, 'age-of-someone']);
});

test('changes of level ("rose 5%", "up 19 cents", "a 5% pay rise") are claims, never compared', () => {
  for (const [text, words] of [
    ['Shares rose 5% on Monday.', '5%'],
    ['Crude was up 19 cents.', '19 cents'],
    ['Staff get a 5% pay rise.', '5%'],
    ['The deficit increased by $43.6 billion.', '$43.6 billion'],
  ]) assert.equal(claim(text, words).notComparable, 'change', text);
  // "rose to" gives the new level, which is a figure.
  assert.equal(claim('The death toll rose to 40,000.', '40,000').comparable, true);
});

test('a figure in a question, a figure per item, and "one of" are never compared', () => {
  assert.equal(claim('Why throw another 100,000 lives into the abyss? he asked.', '100,000').notComparable, 'question');
  assert.equal(claim('Two Americans were killed at each location.', 'Two').notComparable, 'per-item');
  assert.equal(claim('Kherson was one of the targets.', 'one').notComparable, 'share');
});

test('a sum raised is a figure, a rise "by" is a change; "make up" is no rise', () => {
  assert.equal(claim('The two raised $350 million through the program.', '$350 million').notComparable, null);
  assert.equal(claim('The bank raised rates by 0.5 percent.', '0.5 percent').notComparable, 'change');
  assert.equal(claim('Chinese citizens make up about 80 percent of the investors.', 'about 80 percent').notComparable, null);
});

test('a capitalised number word inside a sentence is a name: "Ground Zero"', () => {
  assert.deepEqual(claimsIn('She was seen at Ground Zero on Sunday.'), []);
});

test('"the two sides", "the two countries": a pair the story has named, not a count; "the three men" killed are still counted', () => {
  assert.deepEqual(claimsIn('Oil has long been a sticking point between the two sides.'), []);
  assert.deepEqual(claimsIn('The two countries have yet to agree on the border.'), []);
  assert.equal(claimsIn('The three men were killed by a shell.').length, 1);
  assert.equal(claimsIn('Two countries sent observers.').length, 1);
});
