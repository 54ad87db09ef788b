import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claim } from './helpers';
import type { Hedge } from '../../src/core/claims';

// Hedges turn a number into an interval (the vocabulary is documented in claims/types.ts).

const cases: Array<[string, Hedge, number | null, number | null]> = [
  ['about 100', 'approximate', 90, 110],
  ['around 100', 'approximate', 90, 110],
  ['roughly 100', 'approximate', 90, 110],
  ['some 100', 'approximate', 90, 110],
  ['approximately 100', 'approximate', 90, 110],
  ['close to 100', 'nearly', 90, 100],
  ['nearly 100', 'nearly', 90, 100],
  ['almost 100', 'nearly', 90, 100],
  ['just under 100', 'nearly', 90, 100],
  ['more than 100', 'more-than', 100, null],
  ['over 100', 'more-than', 100, null],
  ['well over 100', 'more-than', 100, null],
  ['at least 100', 'at-least', 100, null],
  ['as many as 100', 'at-most', 0, 100],
  ['up to 100', 'at-most', 0, 100],
  ['no more than 100', 'at-most', 0, 100],
  ['fewer than 100', 'less-than', 0, 100],
  ['less than 100', 'less-than', 0, 100],
];

for (const [words, hedge, low, high] of cases) {
  test(`"${words}" is ${hedge}: [${low}, ${high ?? '∞'}]`, () => {
    const c = claim(`Police said ${words} protesters were detained.`, words);
    assert.equal(c.value, 100);
    assert.equal(c.hedge, hedge);
    assert.ok(Math.abs((c.low ?? NaN) - (low as number)) < 1e-9, `low ${c.low}`);
    assert.equal(c.high === null ? null : Math.round(c.high * 1e9) / 1e9, high);
  });
}

test('hedges after the number: "or more", "100,000-plus", "or so"', () => {
  assert.equal(claim('It drew 10,000 or more people.', '10,000 or more').hedge, 'at-least');
  assert.equal(claim('It drew 100,000-plus people.', '100,000-plus').hedge, 'more-than');
  assert.equal(claim('It drew 500 or so people.', '500 or so').hedge, 'approximate');
});

test('a hedge in quotation marks of its own still hedges the number, and the claim keeps the mark', () => {
  const c = claim('He said "well over" 100,000 Russian soldiers have been killed or wounded.', '"well over" 100,000');
  assert.equal(c.hedge, 'more-than');
});

test('a number with no hedge is its own interval', () => {
  const c = claim('The city has 40,000 residents.', '40,000');
  assert.deepEqual([c.hedge, c.low, c.high], [null, 40000, 40000]);
});

test('"sub-7" and "over-50" carry their hedge in the word', () => {
  assert.equal(claim('Chipmakers produce sub-7 nanometer chips.', 'sub-7 nanometer').hedge, 'less-than');
});
