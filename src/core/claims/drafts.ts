import type { ParsedDocument, Sentence } from '../document';
import type { Token } from '../text/tokenize';
import type { Hedge, NotComparable } from './types';
import { readNumber, type NumberReading } from './numbers';
import { FRACTIONS, MAGNITUDES, ORDINALS, TENS, UNITS } from './numberWords';
import { rangeAfter } from './ranges';
import { APPROXIMATE_SHARE, hedgeAfter, hedgeBefore, hedgeInterval } from './hedges';
import { TIME_UNITS, unitAfter } from './units';
import { eventBefore, isEventNoun, nounPhraseAt, type NounPhrase } from './counted';
import { ageEnd, isYear, notAQuantity } from './nonComparable';
import { isQuoteMark } from './phrases';

// The first pass over a sentence: every number read with its range, ratio, hedge and unit,
// and the words after it that may say what it counts. Numbers that are not quantities
// (years, dates, times, names) are dropped here.

export interface Draft {
  /** The claim's tokens: hedge, money sign, number(s), unit. */
  first: number;
  last: number;
  value: number | null;
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  unit: string | null;
  /** The words that may say what is counted (a measure among them is taken out). */
  counted: NounPhrase | null;
  /** What is counted when it is not a phrase after the number: "six-cylinder", the war whose "ninth month" it is. */
  countedText: string | null;
  measure: string | null;
  share: boolean;
  notComparable: NotComparable | null;
}

/** First words of numbers written in words; anything else is passed over at the cost of one look-up. */
const NUMBER_STARTS = new Set([
  ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(ORDINALS), ...Object.keys(MAGNITUDES),
  ...Object.keys(FRACTIONS), 'a', 'an', 'dozen', 'hundred', 'thousand', 'million', 'no', 'nobody',
]);
const HAS_DIGIT = /\d/;

function mayStartNumber(t: Token): boolean {
  if (t.kind === 'number') return true;
  if (t.kind !== 'word') return false;
  if (NUMBER_STARTS.has(t.norm)) return true;
  const dash = t.norm.indexOf('-');
  return (dash > 0 && NUMBER_STARTS.has(t.norm.slice(0, dash))) || HAS_DIGIT.test(t.text);
}

export function draftsOf(doc: ParsedDocument, s: Sentence): Draft[] {
  const { tokens } = doc;
  const paragraphFirst = s.first === 0 || doc.paragraphOf[s.first - 1] !== s.paragraph ? s.first : -1;
  const drafts: Draft[] = [];
  let i = s.first;
  while (i < s.last) {
    const r = mayStartNumber(tokens[i]) ? readNumber(tokens, doc.text, i, s.first, s.last) : null;
    if (r === null) {
      i++;
      continue;
    }
    const d = draft(doc, s, r, paragraphFirst);
    if (d !== null) drafts.push(d);
    i = Math.max(i + 1, r.last, d ? d.last : 0);
  }
  return drafts;
}

function draft(doc: ParsedDocument, s: Sentence, r: NumberReading, paragraphFirst: number): Draft | null {
  const { tokens, text } = doc;
  const floor = s.first;
  const end = s.last;
  if (isPronounOne(tokens, r, floor, end) || isNameWord(tokens, r, floor)) return null;
  if (r.ordinal) return ordinalDuration(tokens, r, floor, end);
  if (notAQuantity(tokens, r, floor, end, paragraphFirst) !== null) return null;

  const d: Draft = {
    first: r.first, last: r.last, value: r.value, low: null, high: null, hedge: r.magnitude ? 'magnitude' : r.gluedHedge,
    unit: r.unit, counted: null, countedText: null, measure: null, share: r.share, notComparable: null,
  };

  const ratio = ratioAfter(tokens, text, r, floor, end);
  if (ratio !== null) {
    // "one in five": a share of a whole.
    d.value = (100 * r.value) / ratio.of;
    d.unit = 'percent';
    d.share = true;
    d.last = ratio.last;
  } else {
    const between = r.first - 1 >= floor && tokens[r.first - 1].norm === 'between';
    const range = rangeAfter(tokens, text, r, between, floor, end);
    if (range !== null) {
      if (isYear(tokens, range.reading, end)) return null;
      d.low = range.low;
      d.high = range.high;
      d.value = null;
      d.hedge = 'range';
      d.unit = range.reading.unit ?? range.unit ?? d.unit;
      d.share = d.share || range.reading.share;
      d.last = range.last;
      if (between) d.first--;
    }
  }

  const age = d.hedge === 'range' ? -1 : ageEnd(tokens, r, floor, end);
  if (age >= 0) {
    d.last = age;
    d.unit = /month/.test(tokens[age - 1].norm) ? 'months' : 'years';
    d.measure = 'age';
  } else {
    readUnitAfter(tokens, d, r, end);
  }

  const before = hedgeBefore(tokens, d.first, floor);
  if (before !== null) {
    d.first = before.first;
    if (d.hedge === null) d.hedge = before.hedge;
    else if (d.hedge === 'range' && before.hedge === 'approximate') widen(d);
  } else if (d.hedge === null) {
    const after = hedgeAfter(tokens, d.last, end);
    if (after !== null) {
      d.hedge = after.hedge;
      d.last = after.last;
      // "15-plus years": the unit comes after the hedge.
      if (d.notComparable === null) readUnitAfter(tokens, d, r, end);
    }
  }
  if (d.value !== null && d.hedge !== 'range') {
    const interval = r.magnitude ? hedgeInterval(d.value, 'magnitude') : hedgeInterval(d.value, d.hedge);
    d.low = interval.low;
    d.high = interval.high;
    if (r.magnitude) d.value = null;
  }
  if (d.notComparable === null) readCounted(tokens, d, r, end);
  return d;
}

/** Units after the number(s): "20 percent", "560 miles", "millions of dollars", "$58 per barrel". */
function readUnitAfter(tokens: readonly Token[], d: Draft, r: NumberReading, end: number): void {
  if (d.unit === null) {
    const at = r.magnitude && tokens[d.last]?.norm === 'of' ? d.last + 1 : d.last;
    const u = unitAfter(tokens, at, end);
    if (u !== null) {
      d.unit = u.unit;
      d.last = u.last;
    }
  }
  if (d.unit === null) return;
  const t = tokens[d.last];
  if (d.last + 1 < end && (t.norm === 'per' || t.norm === 'a' || t.norm === 'an' || t.text === '/')) {
    const per = unitAfter(tokens, d.last + 1, end);
    if (per !== null) {
      d.unit = `${d.unit} per ${per.unit.replace(/s$/, '')}`;
      d.last = per.last;
    } else if (t.norm === 'per' && tokens[d.last + 1].kind === 'word') {
      d.unit = `${d.unit} per ${tokens[d.last + 1].norm}`;
      d.last += 2;
    }
  }
}

/** "about 20,000 to 30,000": an approximate range is wider at both ends. */
function widen(d: Draft): void {
  if (d.low !== null) d.low -= Math.abs(d.low) * APPROXIMATE_SHARE;
  if (d.high !== null) d.high += Math.abs(d.high) * APPROXIMATE_SHARE;
}

/** Leading words of an "of" phrase that do not change what is counted. */
const OF_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'all', 'these', 'those', 'this', 'that']);

function readCounted(tokens: readonly Token[], d: Draft, r: NumberReading, end: number): void {
  if (r.hyphenNoun !== null) {
    d.countedText = r.hyphenNoun;
    return;
  }
  const isOne = r.value === 1 && tokens[r.first].norm === 'one';
  let at = d.last;
  if (tokens[at]?.norm === 'of' && (d.share || d.unit === 'percent' || d.hedge === 'magnitude' || isOne)) {
    at++;
    while (at < end && OF_DETERMINERS.has(tokens[at].norm)) at++;
    if (isOne) d.notComparable = 'share';
  }
  d.counted = nounPhraseAt(tokens, at, end);
}

/** A capitalised number word inside a sentence is part of a name: "Ground Zero", "BBC One". */
function isNameWord(tokens: readonly Token[], r: NumberReading, floor: number): boolean {
  const t = tokens[r.first];
  const word = NUMBER_STARTS.has(t.norm) || NUMBER_STARTS.has(t.norm.split('-')[0]);
  return word && t.cap && r.first > floor && !isQuoteMark(tokens[r.first - 1]);
}

/** "one" as a pronoun: "each one", "the same one", "one another". */
const ONE_PRONOUN_BEFORE = new Set(['the', 'each', 'every', 'any', 'no', 'this', 'that', 'which', 'same', 'another', 'other', 'someone', 'anyone']);

function isPronounOne(tokens: readonly Token[], r: NumberReading, floor: number, end: number): boolean {
  if (tokens[r.first].norm !== 'one' || r.last !== r.first + 1) return false;
  const prev = r.first - 1 >= floor ? tokens[r.first - 1].norm : '';
  const next = r.last < end ? tokens[r.last] : undefined;
  if (ONE_PRONOUN_BEFORE.has(prev)) return true;
  if (next === undefined) return false;
  return next.norm === "'s" || next.norm === 'another' || next.kind === 'number' || (next.cap && prev !== '');
}

const MAX_RATIO_BASE = 1000;

/** "one in five", "1 out of 3": the whole the first number is a part of. */
function ratioAfter(tokens: readonly Token[], text: string, r: NumberReading, floor: number, end: number): { of: number; last: number } | null {
  if (r.scale !== 1 || r.unit !== null || r.share || r.magnitude || r.value < 1) return null;
  let k = r.last;
  if (tokens[k]?.norm === 'in') k++;
  else if (tokens[k]?.norm === 'out' && tokens[k + 1]?.norm === 'of') k += 2;
  else return null;
  if (k >= end) return null;
  const whole = readNumber(tokens, text, k, floor, end);
  if (whole === null || whole.unit !== null || whole.scale !== 1 || whole.value <= r.value || whole.value > MAX_RATIO_BASE) return null;
  return { of: whole.value, last: whole.last };
}

const RUNNING = new Set(['straight', 'consecutive', 'successive', 'running', 'full']);

/** "now in its ninth month", "the ninth day of the strike": an ordinal that is a duration. */
function ordinalDuration(tokens: readonly Token[], r: NumberReading, floor: number, end: number): Draft | null {
  // "the sixth straight day", "its third consecutive week".
  const unit = unitAfter(tokens, RUNNING.has(tokens[r.last]?.norm) ? r.last + 1 : r.last, end);
  if (unit === null || !TIME_UNITS.has(unit.unit)) return null;
  const owner = r.first - 1 >= floor ? tokens[r.first - 1].norm : '';
  if (owner !== 'its' && owner !== 'their' && owner !== 'the') return null;
  let event: Token | null = null;
  if (tokens[unit.last]?.norm === 'of') {
    let k = unit.last + 1;
    while (k < end && OF_DETERMINERS.has(tokens[k].norm)) k++;
    if (k < end && isEventNoun(tokens[k].norm)) event = tokens[k];
  }
  event = event ?? eventBefore(tokens, r.first, floor);
  if (event === null) return null;
  const { low, high } = hedgeInterval(r.value, 'ordinal');
  return {
    first: r.first, last: unit.last, value: r.value, low, high, hedge: 'ordinal', unit: unit.unit,
    counted: null, countedText: event.norm, measure: null, share: false, notComparable: null,
  };
}
