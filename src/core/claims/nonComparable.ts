import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { NumberReading } from './numbers';
import { Tag, hasTag, tagsOf } from './tags';
import { unitAfter } from './units';
import { isPersonNoun } from './counted';

// Numbers that are not figures of the story. Years, dates, times of day, list numbering,
// scores and numbers in names ("Game 7", "FTSE 100") are not claims at all; ages and changes
// ("rose 5%") are claims that are never compared across files.

export type NotAQuantity = 'year' | 'date' | 'time' | 'list' | 'name' | 'score';

const FIRST_YEAR = 1500;
/** Late enough for forecasts ("by 2120"); later four-digit numbers are counts. */
const LAST_YEAR = 2200;
const TIME_WORDS = new Set(['am', 'pm', 'a.m.', 'p.m.', 'gmt', 'utc', 'et', 'edt', 'est', 'pt', 'pdt', 'pst', 'bst', 'cet', 'cest', 'ct', 'cdt', "o'clock", 'hrs']);
/** Lower-case words a number names rather than counts after: "category 4", "Article 5", "No. 1". */
const NAMING_WORDS = new Set([
  'category', 'level', 'phase', 'number', 'no', 'nos', 'room', 'flight', 'route', 'section', 'article', 'chapter',
  'page', 'grade', 'tier', 'stage', 'version', 'game', 'episode', 'season', 'unit', 'channel', 'model', 'type',
  'class', 'row', 'gate', 'platform', 'highway', 'interstate', 'district', 'ward', 'round', 'act',
  'paragraph', 'resolution', 'covid', 'apollo', 'boeing', 'airbus', 'windows', 'iphone', 'galaxy', 'note', '#',
]);
const STREET_WORDS = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'lane', 'drive', 'way', 'place', 'square', 'court']);
/** How many capitalised words may stand between a house number and "Street": "49 Zorro Ranch Road". */
const STREET_REACH = 3;
/** Capitalised words that may stand before a number without naming it. */
const NOT_NAMES = W.Determiner | W.Preposition | W.Conjunction | W.Adverb | W.Pronoun | W.Auxiliary | W.Verb | W.Common;

/** Why the number read by `r` is not a quantity, or null if it is one. */
export function notAQuantity(tokens: readonly Token[], r: NumberReading, floor: number, end: number, paragraphFirst: number): NotAQuantity | null {
  const prev = r.first - 1 >= floor ? tokens[r.first - 1] : undefined;
  const next = r.last < end ? tokens[r.last] : undefined;
  if (isYear(tokens, r, end)) return 'year';
  if (r.glued && /^(am|pm)$/i.test(r.glued)) return 'time';
  if (next && next.text === ':' && tokens[r.last + 1]?.kind === 'number' && next.end === tokens[r.last + 1].start) return 'time';
  if (prev && prev.text === ':' && tokens[r.first - 2]?.kind === 'number' && prev.start === tokens[r.first - 2].end) return 'time';
  if (next && TIME_WORDS.has(next.norm)) return 'time';
  if (isDate(tokens, r, floor, end)) return 'date';
  if (r.first === paragraphFirst && next && (next.text === '.' || next.text === ')') && r.integer !== null) return 'list';
  if (isScore(tokens, r, floor, end)) return 'score';
  if (prev && r.integer !== null && namesNumber(prev, r.first - 1 === floor)) return 'name';
  if (r.integer !== null && isAddress(tokens, r.last, end)) return 'name';
  if (isTimeAgo(tokens, r.last, end)) return 'date';
  if (prev?.norm === 'the' && r.integer === null && (r.value === 2 || r.value === 3) && next && PARTIES.has(next.norm)) return 'name';
  return null;
}

/**
 * "The two countries", "between the two sides", "the three nations": a pair or a trio the story
 * has already named, not a count a report gives.
 */
const PARTIES = new Set([
  'sides', 'countries', 'nations', 'parties', 'governments', 'states', 'leaders', 'presidents',
  'companies', 'firms', 'teams', 'armies', 'neighbours', 'neighbors', 'rivals', 'allies', 'powers', 'camps', 'halves', 'brothers',
]);

/** "49 Zorro Ranch Road", "9 E 71st St". */
function isAddress(tokens: readonly Token[], k: number, end: number): boolean {
  for (let n = k; n < end && n - k < STREET_REACH; n++) {
    const t = tokens[n];
    if (!(t.cap || t.kind === 'number')) return false;
    if (STREET_WORDS.has(t.norm.replace(/\.$/, '')) && n > k) return true;
  }
  return false;
}

/** "two months ago", "three years earlier": a point in time, not a duration. */
function isTimeAgo(tokens: readonly Token[], k: number, end: number): boolean {
  const unit = unitAfter(tokens, k, end);
  if (unit === null || unit.last >= end) return false;
  const word = tokens[unit.last].norm;
  return word === 'ago' || word === 'earlier' || word === 'later' || word === 'before';
}

/** A four-digit number between 1500 and 2100 that is not followed by what it counts: "in 2014", "1990s". */
export function isYear(tokens: readonly Token[], r: NumberReading, end: number): boolean {
  if (r.integer === null || r.integer.length !== 4 || r.unit !== null || r.ordinal) return false;
  const n = Number(r.integer);
  if (n < FIRST_YEAR || n > LAST_YEAR) return false;
  if (r.glued === 's') return true;
  if (r.glued !== '') return false;
  const next = r.last < end ? tokens[r.last] : undefined;
  if (next === undefined || next.kind !== 'word') return true;
  if (unitAfter(tokens, r.last, end) !== null) return false;
  return !(next.norm.endsWith('s') && !next.cap && (isPersonNoun(next.norm) || hasTag(next.norm, Tag.Noun)));
}

function isDate(tokens: readonly Token[], r: NumberReading, floor: number, end: number): boolean {
  if (r.unit !== null || r.scale !== 1 || r.value > 31 || (r.integer === null && !r.ordinal)) return false;
  let k = r.first - 1;
  if (k >= floor && tokens[k].text === '.') k--;
  if (k >= floor && hasTag(tokens[k].norm.replace(/\.$/, ''), Tag.Month)) return true;
  let n = r.last;
  if (n < end && tokens[n].norm === 'of') n++;
  return n < end && (tagsOf(tokens[n].norm) & Tag.Month) !== 0 && tokens[n].cap;
}

/** "2-0", "89-89": two small numbers joined tightly by a hyphen that do not rise. */
function isScore(tokens: readonly Token[], r: NumberReading, floor: number, end: number): boolean {
  const tight = (a: Token, b: Token) => a.end === b.start;
  const hy = tokens[r.last];
  if (r.last + 1 < end && hy.text === '-' && tight(tokens[r.last - 1], hy) && tokens[r.last + 1].kind === 'number' && tight(hy, tokens[r.last + 1])) {
    return Number(tokens[r.last + 1].text) <= r.value;
  }
  const before = tokens[r.first - 1];
  if (r.first - 2 >= floor && before.text === '-' && tight(before, tokens[r.first]) && tokens[r.first - 2].kind === 'number' && tight(tokens[r.first - 2], before)) {
    return Number(tokens[r.first - 2].text) >= r.value;
  }
  return false;
}

function namesNumber(prev: Token, sentenceStart: boolean): boolean {
  if (NAMING_WORDS.has(prev.norm)) return true;
  if (prev.kind !== 'word' || !/\p{Lu}/u.test(prev.text) || sentenceStart) return false;
  if ((wordFlags(prev.norm) & NOT_NAMES) !== 0) return false;
  return (tagsOf(prev.norm) & (Tag.Month | Tag.WeekDay | Tag.Currency | Tag.Demonym)) === 0 && (wordFlags(prev.norm) & W.Time) === 0;
}

const AGE_WORDS = new Set(['year-old', 'years-old', 'yr-old', 'month-old', 'months-old', 'week-old', 'day-old']);
const AGE_BEFORE = new Set(['aged', 'age', 'ages']);
const OLDEST_AGE = 120;

/**
 * An age: "a 50 year-old man", "65-year-old", "aged 65", "over the age of 21", "Senard, 65,".
 * Returns one past the last token of the age words, or -1.
 */
export function ageEnd(tokens: readonly Token[], r: NumberReading, floor: number, end: number): number {
  if (r.hyphenNoun?.endsWith('-old')) return r.last;
  let k = r.last;
  if (k < end && tokens[k].text === '-') k++;
  if (k < end && AGE_WORDS.has(tokens[k].norm)) return k + 1;
  if (k + 1 < end && (tokens[k].norm === 'years' || tokens[k].norm === 'months') && tokens[k + 1].norm === 'old') return k + 2;
  if (r.integer === null || r.value > OLDEST_AGE) return -1;
  const prev = tokens[r.first - 1];
  if (r.first - 1 >= floor && AGE_BEFORE.has(prev.norm)) return r.last;
  if (r.first - 1 >= floor && prev.norm === 'of' && r.first - 2 >= floor && tokens[r.first - 2].norm === 'age') return r.last;
  // "Senard, 65, now faces …": a name, a comma, the age, a comma.
  const next = tokens[r.last];
  const beforeComma = tokens[r.first - 2];
  if (r.first - 2 >= floor && prev.text === ',' && beforeComma.cap && beforeComma.kind === 'word' && r.last < end && (next.text === ',' || next.text === ')')) return r.last;
  return -1;
}

/** Words after a figure that make it a figure for each of several things: "two at each location". */
const PER_ITEM = new Set(['each', 'apiece', 'respectively', 'every']);
const CLAUSE_ENDS = new Set([',', ';', ':', '.', '!', '?', '—', '–']);

/** "Two Americans were killed at each location": whether a figure is per item, read from token `k` to the clause end, for tokens [first, end) of one sentence. */
export function perItemReader(tokens: readonly Token[], first: number, end: number): (k: number) => boolean {
  // Read once per sentence, from its end: a sentence of thousands of figures walked the rest of
  // the clause again for each.
  const perItem = new Uint8Array(end - first + 1);
  for (let k = end - 1; k >= first; k--) perItem[k - first] = CLAUSE_ENDS.has(tokens[k].text) ? 0 : PER_ITEM.has(tokens[k].norm) ? 1 : perItem[k + 1 - first];
  return (k) => perItem[k - first] === 1;
}

/** Words for a change of level: "shares rose 5%", "up 19 cents". */
const CHANGE_BEFORE = new Set([
  'rose', 'rise', 'rises', 'risen', 'rising', 'up', 'down', 'fell', 'fall', 'falls', 'fallen', 'falling', 'dropped',
  'drop', 'drops', 'gained', 'gain', 'gains', 'lost', 'loses', 'jumped', 'jump', 'jumps', 'climbed', 'climb', 'climbs',
  'slid', 'slide', 'slides', 'slipped', 'declined', 'decline', 'declines', 'increased', 'increase', 'increases',
  'decreased', 'decrease', 'grew', 'grow', 'grows', 'shrank', 'shrink', 'surged', 'soared', 'plunged', 'plummeted',
  'tumbled', 'advanced', 'edged', 'eased', 'sank', 'dipped', 'rallied', 'spiked', 'shed', '+',
]);
/** Verbs that change a level only with "by": "raised rates by 0.5%", but "raised $350 million" is a sum. */
const CHANGE_WITH_BY = new Set(['raised', 'raise', 'raises', 'added', 'cut', 'cuts', 'lowered', 'boosted', 'lifted', 'slashed', 'hiked', 'reduced', 'expanded']);
const BY_REACH = 3;
/** Verbs before "up" that make a phrasal verb, not a rise: "make up 80 percent". */
const PHRASAL_UP = new Set(['make', 'makes', 'made', 'making', 'take', 'takes', 'took', 'taking', 'end', 'ends', 'ended', 'add', 'adds', 'added', 'sum', 'set', 'pick', 'picked', 'show', 'showed', 'turn', 'turned', 'back', 'backed', 'round', 'rounded', 'account']);
const CHANGE_AFTER = new Set([
  'higher', 'lower', 'rise', 'increase', 'drop', 'decline', 'gain', 'fall', 'jump', 'boost', 'cut', 'hike', 'growth',
  'surge', 'slump', 'improvement', 'reduction', 'decrease', 'rebound', 'loss', 'up', 'down',
]);
/** Units whose changes are levels moving (prices, rates, shares) rather than counts of events. */
const LEVEL_UNITS = new Set(['percent', 'percentage points', 'basis points', 'cents', 'pence', 'points']);

/**
 * A change of level. The claim's tokens are [first, last); the words up to `after` may name
 * the change ("a 5% pay rise", "34.4% higher").
 */
export function isChange(
  tokens: readonly Token[],
  first: number,
  last: number,
  after: number,
  floor: number,
  unit: string | null,
  money: boolean,
  counted: boolean,
): boolean {
  if (!(money || (unit !== null && LEVEL_UNITS.has(unit)) || (unit === null && !counted))) return false;
  let k = first - 1;
  if (k >= floor && tokens[k].norm === 'by') {
    // "increased by 5%", "raised rates by 0.5 percent": the verb is a few words back.
    for (let j = k - 1; j >= floor && k - j <= BY_REACH; j--) if (CHANGE_WITH_BY.has(tokens[j].norm) || CHANGE_BEFORE.has(tokens[j].norm)) return true;
    k--;
  }
  if (k >= floor && CHANGE_BEFORE.has(tokens[k].norm)) {
    const upOf = (tokens[k].norm === 'up' || tokens[k].norm === 'down') && k - 1 >= floor ? tokens[k - 1].norm : '';
    return !PHRASAL_UP.has(upOf);
  }
  for (let j = last; j < after; j++) if (CHANGE_AFTER.has(tokens[j].norm)) return true;
  return false;
}
