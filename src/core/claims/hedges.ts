import type { Token } from '../text/tokenize';
import type { Hedge } from './types';
import { PhraseTable, isQuoteMark } from './phrases';

// Hedges: the words around a number that make it an interval ("well over 100,000", "as many
// as 40,000", "10,000 or more"). Phrases are lower-case words; the longest one that ends
// right before the number (quotation marks between are allowed: "well over" 100,000) wins.

const HEDGES_BEFORE: ReadonlyArray<[string, Hedge]> = [
  ...words('approximate', [
    'about', 'around', 'roughly', 'some', 'approximately', 'approx', 'an estimated', 'estimated', 'circa',
    'an approximate', 'roughly about', 'somewhere around', 'in the region of', 'on the order of', '~', '≈',
    'more or less', 'nearly about', 'about an estimated',
  ]),
  ...words('nearly', [
    'close to', 'nearly', 'almost', 'just under', 'just shy of', 'shy of', 'just below', 'not quite',
    'approaching', 'just short of', 'a little under', 'slightly under', 'slightly less than', 'just less than',
  ]),
  ...words('more-than', [
    'more than', 'over', 'well over', 'just over', 'above', 'well above', 'upwards of', 'upward of',
    'in excess of', 'exceeding', 'north of', 'far more than', 'much more than', 'well more than', 'slightly more than',
    'a little over', 'slightly over', 'more then', 'over than', 'greater than', 'higher than',
  ]),
  ...words('at-least', ['at least', 'no fewer than', 'no less than', 'not less than', 'a minimum of', 'minimum of', 'not fewer than']),
  ...words('less-than', ['fewer than', 'less than', 'under', 'below', 'well under', 'well below', 'lower than']),
  ...words('at-most', [
    'as many as', 'up to', 'no more than', 'not more than', 'at most', 'a maximum of', 'maximum of', 'as much as',
    'as high as', 'as large as', 'as long as', 'as far as',
  ]),
];

/** Words after the number: "10,000 or more", "40-odd", "100,000-plus", "500+". */
const HEDGES_AFTER: ReadonlyArray<[string, Hedge]> = [
  ['or more', 'at-least'],
  ['or higher', 'at-least'],
  ['or above', 'at-least'],
  ['or so', 'approximate'],
  ['- odd', 'approximate'],
  ['odd', 'approximate'],
  ['- plus', 'more-than'],
  ['plus', 'more-than'],
  ['+', 'more-than'],
  ['or less', 'at-most'],
  ['or fewer', 'at-most'],
  ['or under', 'at-most'],
];

function words(hedge: Hedge, phrases: string[]): Array<[string, Hedge]> {
  return phrases.map((p) => [p, hedge]);
}

const before = new PhraseTable(HEDGES_BEFORE);
const after = new PhraseTable(HEDGES_AFTER);

/** The hedge ending right before token `i` (not before `floor`): its kind and first token. */
export function hedgeBefore(tokens: readonly Token[], i: number, floor: number): { hedge: Hedge; first: number } | null {
  let k = i - 1;
  while (k >= floor && isQuoteMark(tokens[k])) k--;
  const m = before.endingAt(tokens, k, floor);
  return m && { hedge: m.value, first: m.first };
}

/** The hedge starting at token `i`: its kind and one past its last token. */
export function hedgeAfter(tokens: readonly Token[], i: number, end: number): { hedge: Hedge; last: number } | null {
  const m = after.at(tokens, i, end);
  if (!m) return null;
  // "500+" and "100,000-plus" are glued to the number; a "plus" apart starts a new phrase.
  const glued = ['+', 'plus', 'odd'].includes(tokens[i].norm);
  if (glued && tokens[i - 1].end !== tokens[i].start) return null;
  return { hedge: m.value, last: m.last };
}

/** How far "about" and "nearly" reach: a reporter rounding 90,000 may write "about 100,000". */
export const APPROXIMATE_SHARE = 0.1;
const NEARLY_SHARE = 0.1;

/** The interval a hedged number allows; null on an unbounded side. Counts are never negative. */
export function hedgeInterval(value: number, hedge: Hedge | null): { low: number | null; high: number | null } {
  const floor = value >= 0 ? 0 : null;
  switch (hedge) {
    case null:
      return { low: value, high: value };
    case 'approximate':
      return { low: value - Math.abs(value) * APPROXIMATE_SHARE, high: value + Math.abs(value) * APPROXIMATE_SHARE };
    case 'nearly':
      return { low: value - Math.abs(value) * NEARLY_SHARE, high: value };
    case 'more-than':
    case 'at-least':
      return { low: value, high: null };
    case 'less-than':
    case 'at-most':
      return { low: floor, high: value };
    case 'magnitude':
      return { low: value, high: value * 10 };
    case 'ordinal':
      return { low: value - 1, high: value };
    case 'range':
      return { low: value, high: value };
  }
}
