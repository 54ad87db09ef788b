import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportedAt } from '../../src/core/text/dateline';

// When an article says it was published: the date it prints near its top, in the forms news
// feeds use, with a time of day when one follows.

const at = (text: string) => {
  const ms = reportedAt(text);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 16);
};

test('the date an article prints near its top, in the forms feeds use', () => {
  assert.equal(at('Five dead in Indonesia quake\nTuesday, July 2nd, 2013\nA powerful earthquake …'), '2013-07-02T00:00');
  assert.equal(at('Quake hits Aceh\nTue Jul 02 2013, 14:58 hrs A strong quake …'), '2013-07-02T14:58');
  assert.equal(at('Quake kills six\nJuly 03, 2013 6:22AM AN EARTHQUAKE killed …'), '2013-07-03T06:22');
  assert.equal(at('Earthquake\nWEDNESDAY 03 JULY 2013\nRescuers …'), '2013-07-03T00:00');
  assert.equal(at('Posted 2013-07-02 7:41 PM by the desk'), '2013-07-02T19:41');
});

test('no date near the top, or a date further down the story, is no publication date', () => {
  assert.equal(at('The quake struck on Tuesday, killing 24 people.'), null);
  assert.equal(at('x'.repeat(700) + ' July 2, 2013'), null);
  assert.equal(at('Quake\nJuly 45, 2013'), null);
});
