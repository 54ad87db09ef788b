import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claim, claimsIn } from './helpers';

// Every form news writes a number in, read to its value, interval and unit.

const cases: Array<[string, string, number | null, number | null, number | null, string | null]> = [
  // sentence, claim text, value, low, high, unit
  ['Officials counted 100,000 ballots.', '100,000', 100000, 100000, 100000, null],
  ['The city has 7.5 million residents.', '7.5 million', 7.5e6, 7.5e6, 7.5e6, 'people'],
  ['Some said six million internally displaced people remain.', 'six million', 6e6, 6e6, 6e6, 'people'],
  ['The White House requested $38 billion in aid.', '$38 billion', 38e9, 38e9, 38e9, 'USD'],
  ['Brussels pledged €2.5bn in aid.', '€2.5bn', 2.5e9, 2.5e9, 2.5e9, 'EUR'],
  ['The rally drew 15k supporters.', '15k', 15000, 15000, 15000, 'people'],
  ['Russia holds 20% of Ukraine.', '20%', 20, 20, 20, 'percent'],
  ['Russia holds 20 percent of Ukraine.', '20 percent', 20, 20, 20, 'percent'],
  ['Russia holds 20 per cent of Ukraine.', '20 per cent', 20, 20, 20, 'percent'],
  ['One in five Ukrainians has left home.', 'One in five', 20, 20, 20, 'percent'],
  ['A third of voters stayed home.', 'A third', 100 / 3, 100 / 3, 100 / 3, 'percent'],
  ['Nearly two-thirds of voters stayed home.', 'Nearly two-thirds', 200 / 3, 60, 200 / 3, 'percent'],
  ['They signed twenty-five contracts.', 'twenty-five', 25, 25, 25, null],
  ['A dozen protesters were detained.', 'A dozen', 12, 12, 12, 'people'],
  ['The fund was worth USD10m last year.', 'USD10m', 10e6, 10e6, 10e6, 'USD'],
  ['Shares closed at RM23.50 on Monday.', 'RM23.50', 23.5, 23.5, 23.5, 'MYR'],
  ['The false positive rate fell to .001 per cent.', '.001 per cent', 0.001, 0.001, 0.001, 'percent'],
  ['The atmosphere can dip to minus-130 degrees Fahrenheit.', 'minus-130 degrees Fahrenheit', -130, -130, -130, '°F'],
  ['The journey covered 1.8 billion-mile of space.', '1.8 billion-mile', 1.8e9, 1.8e9, 1.8e9, 'miles'],
  ['The area is 560 miles long.', '560 miles', 560, 560, 560, 'miles'],
  ['Oil traded at $58.24 per barrel.', '$58.24 per barrel', 58.24, 58.24, 58.24, 'USD per barrel'],
];

for (const [sentence, words, value, low, high, unit] of cases) {
  test(`reads "${words}"`, () => {
    const c = claim(sentence, words);
    assert.equal(c.value, value);
    assert.ok(c.low !== null && Math.abs(c.low - (low as number)) < 1e-9, `low ${c.low}`);
    assert.ok(c.high !== null && Math.abs(c.high - (high as number)) < 1e-9, `high ${c.high}`);
    assert.equal(c.unit, unit);
  });
}

test('ranges: "20,000 to 30,000", "20,000-30,000", "between 40 and 50" keep both ends and no single value', () => {
  for (const [sentence, words, low, high] of [
    ['Russia amassed 20,000 to 30,000 troops in Kherson.', '20,000 to 30,000', 20000, 30000],
    ['Russia amassed 20,000-30,000 troops in Kherson.', '20,000-30,000', 20000, 30000],
    ['Between 40 and 50 people were arrested.', 'Between 40 and 50', 40, 50],
    ['The fine will be $3 billion to $5 billion.', '$3 billion to $5 billion', 3e9, 5e9],
    ['Prices rose between 5% and 6% last year.', 'between 5% and 6%', 5, 6],
    ['It will cost 20 to 30 million dollars.', '20 to 30 million dollars', 20e6, 30e6],
    ['It lasted three or four years.', 'three or four years', 3, 4],
  ] as const) {
    const c = claim(sentence, words);
    assert.equal(c.hedge, 'range', words);
    assert.equal(c.value, null, words);
    assert.deepEqual([c.low, c.high], [low, high], words);
  }
});

test('a hyphen between numbers that do not rise is a score, not a range', () => {
  assert.deepEqual(claimsIn('They won 2-0 at home.'), []);
});

test('ordinal durations: "now in its ninth month" is more than eight months and at most nine', () => {
  const c = claim('The war, now in its ninth month, goes on.', 'ninth month');
  assert.deepEqual([c.value, c.low, c.high, c.hedge, c.unit, c.counted], [9, 8, 9, 'ordinal', 'months', 'war']);
});

test('durations in one word: "eight-month war" counts months of the war', () => {
  const c = claim('Ukraine fights on in the eight-month war.', 'eight-month');
  assert.deepEqual([c.value, c.unit, c.counted], [8, 'months', 'war']);
});

test('orders of magnitude are intervals with no single value (compared only to agree)', () => {
  const c = claim('Tens of thousands of people fled.', 'Tens of thousands');
  assert.deepEqual([c.value, c.low, c.high, c.hedge, c.comparable, c.notComparable], [null, 10000, 100000, 'magnitude', true, null]);
  assert.deepEqual([claim('Dozens of people were hurt.', 'Dozens').low, claim('Billions of dollars in aid were sent.', 'Billions of dollars').unit], [12, 'USD']);
});

test('"one" as a pronoun or in a name is not a number', () => {
  assert.deepEqual(claimsIn('Each one they lose costs money.'), []);
  assert.deepEqual(claimsIn('He told BBC One about it.'), []);
});

test('"several dozen", "a few hundred": orders of magnitude, as "dozens" and "hundreds" are', () => {
  const read = (text: string) => claimsIn(text).map((c) => [c.text, c.low, c.high, c.hedge]);
  assert.deepEqual(read('Several dozen people were wounded.'), [['Several dozen', 12, 120, 'magnitude']]);
  assert.deepEqual(read('A few hundred people fled.'), [['A few hundred', 100, 1000, 'magnitude']]);
  assert.deepEqual(read('Two hundred people fled.'), [['Two hundred', 200, 200, null]]);
});

test('a fraction with a slash before "of" is a share: "1/16 of a US pint", "1⁄32 of a quart"; "9/11" and "24/7" are not', () => {
  const ounce = 'One US fluid ounce is 1/16 of a US pint, 1⁄32 of a US quart, and 1⁄128 of a US gallon.';
  assert.deepEqual([claim(ounce, '1/16').value, claim(ounce, '1/16').unit], [6.25, 'percent']);
  assert.equal(claim(ounce, '1⁄32').value, 3.125);
  assert.equal(claim('About 1/3 of voters back him.', 'About 1/3').frame.dimension, 'percent');
  assert.equal(claimsIn('The 9/11 attacks killed 2,977 people.').some((c) => c.unit === 'percent'), false);
  assert.equal(claimsIn('The shop has been open 24/7 since 2001.').some((c) => c.unit === 'percent'), false);
});

test('"no one was killed" is a toll of none, which another report\'s twelve contradicts; "nobody knows" is no figure', () => {
  const none = claim('No one was killed in the attack on Yida, aid workers said.', 'No one');
  assert.deepEqual([none.value, none.measure, none.unit], [0, 'deaths', 'people']);
  assert.equal(claim('There was no one hurt.', 'no one').measure, 'wounded');
  assert.deepEqual(claimsIn('Nobody knows how many died.'), []);
  assert.deepEqual(claimsIn('No one can say what happens next.'), []);
});

test('a figure and a conjunction that end the text read no token past its end: "0 Or", "5 killed and"', () => {
  // Found by the fuzz test (test/fuzz/analyze.test.ts): reading on for a coordinated figure threw.
  for (const text of ['0 Or', '5 killed and', '3 and \u201c']) assert.doesNotThrow(() => claimsIn(text), text);
});
