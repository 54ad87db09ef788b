import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import { countedKey } from './counted';
import { pastConversion } from './measures';
import { placeName } from './places';
import { Tag, hasTag, tagsOf } from './tags';
import type { Dimension, FrameInput } from './frame';

// What a figure measures, the `what` of its frame (frame.ts): a magnitude; which length it is
// (a depth, a fall, the distance of one place from another); whose age; what a duration is the
// length of; else the counted phrase's head and the words that narrow it. Read from the words
// around the figure with small tables a reader can extend.

/** Words after a length that make it a distance from a place: "55 kilometres south of Bireun". */
const DIRECTIONS = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west',
  'south-east', 'south-west', 'northern', 'southern', 'from', 'off', 'away', 'offshore', 'inland',
]);
/** Tokens around a figure in which the words that say which length it is are looked for. */
const MEASURE_REACH = 4;
/** Words around a length that make it a depth: "at a depth of 10 km", "six miles beneath the surface". */
const DEPTH_BEFORE = new Set(['depth']);
const DEPTH_AFTER = new Set(['deep', 'beneath', 'below', 'underground', 'depth']);
/** Verbs before a length that make it the length of a fall: "fell about 200 metres", "plunged 600m". */
const FALL_VERBS = new Set(['fell', 'fall', 'falls', 'falling', 'fallen', 'plunged', 'plunge', 'plunging', 'plummeted', 'tumbled', 'tumbling', 'slid', 'sliding', 'dropped']);

/** Measures that say which length it is rather than what happened: they go into `what`. */
export const SHAPE_MEASURES = new Set(['length', 'width', 'depth', 'height']);

/** What the figure measures, its head last: "public comment", "magnitude", "distance-from-bireun". */
export function whatOf(f: FrameInput, dimension: Dimension): string | null {
  if (dimension === 'magnitude') return 'magnitude';
  if (f.measure === 'age') {
    // "The 36-year-old, who had been living in Melbourne": an age whose owner the sentence does
    // not name may be anyone's in the story (see `ageOwners`).
    return `age-of-${ageOwner(f) ?? SOMEONE}`;
  }
  if (dimension === 'length') return lengthRole(f) ?? countedWhat(f);
  if (dimension === 'duration') return durationOf(f) ?? countedWhat(f);
  if (dimension === 'count' && countsInhabitants(f)) {
    // A population is some place's: without the place, "home to some 6,000 residents" here and
    // "population 5,000" there are two towns.
    const owner = populationOwner(f);
    return owner === null ? countedWhat(f) : `${POPULATION_OF}${spellingKey(owner).replace(/ /g, '-')}`;
  }
  if (dimension === 'money' && (f.counted === null || SALE_NOUNS.has(f.counted.toLowerCase())) && isPrice(f)) return 'price';
  return countedWhat(f);
}

/** Verbs of a sale before "for <money>": "buy ATI for $5.4 billion", "paying about $5.4 billion to acquire". */
const SALE_VERBS = new Set([
  'buy', 'buys', 'buying', 'bought', 'acquire', 'acquires', 'acquiring', 'acquired', 'purchase', 'purchased', 'purchasing',
  'sell', 'sells', 'selling', 'sold', 'pay', 'pays', 'paying', 'paid', 'take', 'takes', 'took', 'taking',
]);
/** Nouns of a sale after the money: "a $5.4 billion deal", "AMD's $5.4bn acquisition of ATI". */
const SALE_NOUNS = new Set(['deal', 'acquisition', 'takeover', 'merger', 'purchase', 'buyout', 'bid', 'offer', 'sale', 'transaction']);
const SALE_REACH = 6;

/** The price of a sale: a sum a verb of sale pays, or a deal's sum. */
function isPrice(f: FrameInput): boolean {
  const { tokens } = f;
  if (f.last < f.end && SALE_NOUNS.has(tokens[f.last].norm)) return true;
  for (let k = f.first - 1; k >= f.floor && f.first - k <= SALE_REACH; k--) {
    const t = tokens[k];
    if (SALE_VERBS.has(t.norm)) return true;
    if (t.kind === 'punct' && t.text !== '-') return false;
  }
  return false;
}

/** Nouns of a place that "of N people" or "home to N" gives the population of. */
const SETTLEMENTS = new Set([
  'city', 'town', 'village', 'capital', 'home', 'region', 'province', 'country', 'nation', 'island', 'district', 'population',
  'camp', 'settlement',
]);
/** Who lives in a place: a refugee camp's population is its refugees. */
const INHABITANTS = new Set(['people', 'residents', 'inhabitants', 'souls', 'population', 'refugees', 'civilians', 'migrants', 'evacuees']);
const POPULATION_OF = 'population-of-';

/** A place's population ("population-of-yida"): what `whatOf` calls one. */
export function isPopulation(what: string | null): boolean {
  return what !== null && what.startsWith(POPULATION_OF);
}

/** Verbs before "of" that give what a place is made of. */
const MADE_OF = new Set(['consists', 'consisted', 'consisting', 'composed', 'comprised']);
/** Verbs of a place that gives it its population: "a camp sheltering more than 20,000 civilians". */
const HOUSING_VERBS = new Set(['sheltering', 'shelters', 'housing', 'houses', 'hosting', 'hosts']);
/** "15,000 refugees who fled violence in Sudan are living in the camp": how far "living in" may follow. */
const LIVING_REACH = 10;

/**
 * "a city of 160,000 people", "home to over 170,000 people", "a city of population 167,000", "a
 * camp sheltering more than 20,000 civilians", "15,000 refugees are living in the camp".
 */
function countsInhabitants(f: FrameInput): boolean {
  const { tokens } = f;
  if (f.counted !== null && !INHABITANTS.has(f.counted.toLowerCase().split(/\s+/).pop() ?? '')) return false;
  if (f.measure !== null) return false;
  let k = f.first - 1;
  if (k >= f.floor && (tokens[k].norm === 'population' || HOUSING_VERBS.has(tokens[k].norm))) return true;
  if (livingAfter(tokens, f.after, f.end) >= 0) return true;
  if (k < f.floor || (tokens[k].norm !== 'of' && tokens[k].norm !== 'to' && tokens[k].norm !== 'by')) return false;
  k--;
  // "Yida … consists of over 24,000 refugees".
  return k >= f.floor && (SETTLEMENTS.has(tokens[k].norm) || (tokens[k + 1].norm === 'of' && MADE_OF.has(tokens[k].norm)));
}

const OWNER_REACH = 10;
const SPEAKING = new Set(['said', 'says', 'told', 'added', 'according']);

/**
 * The place a population is of: the name the people live in ("are living in Yida"), else the
 * nearest name before the figure ("Yida is a camp of about 20,000", "Manokwari, a city of
 * 160,000 people", "Ripley (population 5,000)"), not a speaker's ("Hutson said at least 15,000").
 */
function populationOwner(f: FrameInput): string | null {
  const { tokens } = f;
  const living = livingAfter(tokens, f.after, f.end);
  if (living >= 0) {
    const t = tokens[living];
    if (t !== undefined && t.cap && t.kind === 'word') return placeRun(tokens, living, f.end);
  }
  for (let k = f.first - 1; k >= f.floor && f.first - k <= OWNER_REACH; k--) {
    const t = tokens[k];
    if (t.kind === 'number' || t.text === ';') return null;
    if (!t.cap || t.kind !== 'word') continue;
    let start = k;
    while (start - 1 >= f.floor && tokens[start - 1].cap && tokens[start - 1].kind === 'word') start--;
    if (SPEAKING.has(tokens[k + 1]?.norm ?? '')) return null;
    const name = placeRun(tokens, start, k + 1);
    if (name !== null) return name;
    k = start;
  }
  return null;
}

/** The capitalised words [start, end) as a place's name, unless they are a determiner's or a demonym. */
function placeRun(tokens: readonly Token[], start: number, end: number): string | null {
  let k = start;
  while (k < end && (wordFlags(tokens[k].norm) & (W.Determiner | W.Pronoun | W.Preposition | W.Conjunction)) !== 0) k++;
  let stop = k;
  while (stop < end && tokens[stop].cap && tokens[stop].kind === 'word') stop++;
  if (stop === k) return null;
  const head = tokens[k].norm;
  const tags = tagsOf(head);
  if ((tags & (Tag.Demonym | Tag.Month | Tag.WeekDay)) !== 0) return null;
  // "Electricity was cut off to the city of population 167,000": a word of the dictionary, capitalised to open a sentence.
  const flags = wordFlags(head);
  if ((flags & W.Known) !== 0 && (flags & W.Place) === 0 && (tags & (Tag.Country | Tag.Locality)) === 0) return null;
  return placeName(tokens.slice(k, stop).map((t) => t.norm).join(' '));
}

/** "… are living in", "… who live in": the people counted live somewhere; where the place's name starts, or -1. */
function livingAfter(tokens: readonly Token[], from: number, end: number): number {
  for (let k = from; k < end && k - from < LIVING_REACH; k++) {
    const t = tokens[k];
    if (t.kind === 'number' || t.text === ';') return -1;
    if ((t.norm === 'living' || t.norm === 'live' || t.norm === 'lives') && tokens[k + 1]?.norm === 'in') return k + 2 < end && tokens[k + 2].norm === 'the' ? k + 3 : k + 2;
  }
  return -1;
}

/** The counted phrase's key without the words that trail its head: "people seriously" → "person". */
function countedWhat(f: FrameInput): string | null {
  const text = f.counted ?? f.countedText;
  if (text === null) {
    if (f.measure !== null && SHAPE_MEASURES.has(f.measure)) return f.measure;
    // "dozens injured", "24 dead": what happened to people counts people.
    return f.unit === 'people' ? 'person' : null;
  }
  const words = text.split(/\s+/);
  // "candidates run for 125 seats", "police officers charged", "school children holding
  // candles": a plural noun ends the phrase unless another plural follows ("arms dealers").
  const plural = words.findIndex((w, i) => i + 1 < words.length && isPlural(w.toLowerCase()) && !isPlural(words[i + 1].toLowerCase()));
  if (plural >= 0) words.length = plural + 1;
  while (words.length > 1 && !isNounish(words[words.length - 1].toLowerCase())) words.pop();
  const key = countedKey(words.join(' '));
  return key === '' ? null : key;
}

/** A plural noun: the lexicon's, or an English plural ending ("candidates", not "news" or "series"). */
function isPlural(norm: string): boolean {
  const flags = wordFlags(norm);
  if ((flags & W.Plural) !== 0) return true;
  return /[^su']s$/.test(norm) && !NOT_PLURAL.has(norm) && (flags & (W.Verb | W.Auxiliary | W.Adverb | W.Preposition | W.Conjunction | W.Pronoun | W.Determiner)) === 0;
}

/** Nouns in -s that are not plurals. */
const NOT_PLURAL = new Set(['news', 'means', 'series', 'species', 'politics', 'economics', 'physics', 'headquarters']);

function isNounish(norm: string): boolean {
  const flags = wordFlags(norm);
  return (flags & (W.Adverb | W.Conjunction | W.Preposition)) === 0 && !(norm.endsWith('ed') && (flags & W.Verb) !== 0);
}

export function isPersonName(t: Token | undefined): boolean {
  return (
    t !== undefined && t.cap && t.kind === 'word' &&
    (wordFlags(t.norm) & (W.Determiner | W.Pronoun | W.Preposition | W.Place)) === 0 &&
    (tagsOf(t.norm) & (Tag.Demonym | Tag.WeekDay | Tag.Month | Tag.Country | Tag.Locality)) === 0 &&
    // "Duncan", "Brian", "Jordan" end like "Australian" and are first names.
    !(DEMONYM_LIKE.test(t.norm) && (wordFlags(t.norm) & W.FirstName) === 0)
  );
}

/**
 * Whose age it is: the surname beside it ("Alexis Grigoropoulos, 15,", "15-year-old Alexandros
 * Grigoropoulos", "a 15-year-old Greek boy, Alexandros Grigoropoulos"), or the noun it
 * qualifies ("a 66-year-old woman"): an age is compared only with the same person's, and in one
 * story "the 15-year-old boy" is one boy.
 */
function ageOwner(f: FrameInput): string | null {
  const { tokens } = f;
  const isName = isPersonName;
  if (f.first - 2 >= f.floor && (tokens[f.first - 1].text === ',' || tokens[f.first - 1].text === '(') && isName(tokens[f.first - 2])) return tokens[f.first - 2].norm;
  let k = f.last;
  while (k < f.end && ((tagsOf(tokens[k].norm) & Tag.Demonym) !== 0 || (tokens[k].cap && DEMONYM_LIKE.test(tokens[k].norm) && AGE_NOUNS.has(tokens[k + 1]?.norm ?? '')))) k++;
  const noun = k < f.end && AGE_NOUNS.has(tokens[k].norm) ? tokens[k].norm : null;
  if (noun !== null && tokens[k + 1]?.text === ',') k += 2;
  else if (noun !== null) return noun;
  let last: Token | null = null;
  while (k < f.end && isName(tokens[k])) last = tokens[k++];
  // "a 31-year-old Sanders volunteer": a name before a noun qualifies the noun.
  if (last !== null && k < f.end && tokens[k].kind === 'word' && !tokens[k].cap && isCommonNoun(tokens[k].norm)) return null;
  return last?.norm ?? null;
}

/** A lower-case word that names people or things ("volunteer", "campaign"), not a verb or a function word ("said", "was", "of"). */
function isCommonNoun(norm: string): boolean {
  const flags = wordFlags(norm);
  if ((flags & (W.SourceNoun | W.Title | W.OrgHead)) !== 0) return true;
  return (flags & (W.Verb | W.Auxiliary | W.Preposition | W.Conjunction | W.Adverb | W.Determiner | W.Pronoun)) === 0;
}

/** Nationalities compromise may not tag: "British", "Australian", "Palestinian". */
const DEMONYM_LIKE = /(ish|ian|ese|an)$/;

/** The owner of an age the sentence does not name. */
export const SOMEONE = 'someone';

/** A noun an age may be given for ("the age of the boy"), or no owner, not a name ("the age of Buckley"). */
export function isAgeNoun(norm: string): boolean {
  return AGE_NOUNS.has(norm) || norm === SOMEONE;
}

/** Nouns that may stand between an age and the name it belongs to: "a 15-year-old boy, Alexandros …". */
const AGE_NOUNS = new Set(['boy', 'girl', 'man', 'woman', 'teenager', 'teen', 'child', 'student', 'driver', 'victim', 'climber', 'suspect', 'officer', 'policeman', 'mother', 'father', 'son', 'daughter']);

/** Which length a length is: its depth, its distance from a named place, or a measure ("long"). */
function lengthRole(f: FrameInput): string | null {
  const { tokens } = f;
  for (let k = f.first - 1; k >= f.floor && f.first - k <= MEASURE_REACH; k--) {
    if (DEPTH_BEFORE.has(tokens[k].norm)) return 'depth';
    if (FALL_VERBS.has(tokens[k].norm)) return 'fall';
  }
  if (f.measure !== null && SHAPE_MEASURES.has(f.measure)) return f.measure;
  // "55 kilometres (34 miles) west of Bireun": the figure in other units is passed over.
  const after = pastConversion(tokens, f.last, f.end);
  for (let k = after; k < f.end && k - after < MEASURE_REACH; k++) {
    const norm = tokens[k].norm;
    if (DEPTH_AFTER.has(norm)) return 'depth';
    if (DIRECTIONS.has(norm)) {
      const place = placeAfterDirection(tokens, k + 1, f.end);
      const located = locatedBefore(tokens, f.first, f.floor);
      // What is located narrows the distance ("Yida, 10 miles south of the border"); the place it is from names it.
      const distance = place === null ? 'distance' : `distance-from-${spellingKey(place).replace(/ /g, '-')}`;
      return located === null ? distance : `${located} ${distance}`;
    }
    if (tokens[k].kind === 'punct') break;
  }
  return null;
}

/**
 * One key for the spellings of a transliterated name: a run of three vowels keeps its first two
 * ("Bireuen" and "Bireun" are one town).
 */
function spellingKey(name: string): string {
  return name.replace(/([aeiou]{2})[aeiou]+/g, '$1');
}

/** What a distance places: the nearest name before it in its sentence ("Yida refugee camp, located 10 miles south of the border"). */
function locatedBefore(tokens: readonly Token[], first: number, floor: number): string | null {
  for (let k = first - 1; k >= floor && first - k <= LOCATED_REACH; k--) {
    const t = tokens[k];
    if (t.cap && t.kind === 'word' && k > floor && (wordFlags(t.norm) & (W.Determiner | W.Pronoun)) === 0 && (tagsOf(t.norm) & (Tag.WeekDay | Tag.Month)) === 0) return t.norm;
  }
  return null;
}

const LOCATED_REACH = 8;

/** Tokens after a direction in which its place is looked for: "west of the town of Bireun". */
const PLACE_REACH = 6;

function placeAfterDirection(tokens: readonly Token[], from: number, end: number): string | null {
  for (let k = from; k < end && k - from < PLACE_REACH; k++) {
    const t = tokens[k];
    if (t.cap && t.kind === 'word' && t.norm !== 'the') {
      let n = k + 1;
      while (n < end && tokens[n].cap && tokens[n].kind === 'word') n++;
      return placeName(tokens.slice(k, n).map((x) => x.norm).join(' '));
    }
    // "from the border": a landmark named by a noun; "west of the town of Bireun", "from the
    // provincial capital Banda Aceh": the noun says what the name is, and the name is the place.
    if (t.kind === 'word' && t.norm !== 'the' && hasTag(t.norm, Tag.Noun)) return namedAfter(tokens, k + 1, end) ?? t.norm;
    if (t.kind === 'punct') return null;
  }
  return null;
}

/** The name a noun introduces: "town of Bireun", "capital Banda Aceh". */
function namedAfter(tokens: readonly Token[], k: number, end: number): string | null {
  if (tokens[k]?.norm === 'of') k++;
  let n = k;
  while (n < end && tokens[n].cap && tokens[n].kind === 'word') n++;
  return n > k ? placeName(tokens.slice(k, n).map((x) => x.norm).join(' ')) : null;
}

/** What a duration is the length of: "eight days of riots" → riot; "for 35 years" keeps the counted words. */
function durationOf(f: FrameInput): string | null {
  const { tokens } = f;
  if (f.countedText !== null) return countedKey(f.countedText);
  let k = f.last;
  if (tokens[k]?.norm !== 'of') return spanOfSubject(f);
  k++;
  // "four days of the worst riots": past the articles and the words that only describe ("five
  // days of rioting in Athens": a word before a preposition is the head, not a describer).
  while (k < f.end && (tokens[k].norm === 'the' || tokens[k].norm === 'its' || tokens[k].norm === 'their' || ((wordFlags(tokens[k].norm) & W.Adjective) !== 0 && describes(tokens[k + 1])))) k++;
  const t = tokens[k];
  if (t === undefined || k >= f.end || t.kind !== 'word' || t.cap) return null;
  // "days of rioting", "days of riots": one span of unrest.
  const head = ING_NOUNS[t.norm] ?? t.norm;
  return countedKey(head);
}

/**
 * Nouns of what shakes, and lasts: the subject of "was felt for around 15 seconds". Not every
 * event: "a military campaign for nearly two years" and "represented the state for eight years"
 * in one political archive are spans of different things.
 */
const SHAKING = new Set(['quake', 'earthquake', 'tremor', 'temblor', 'aftershock', 'shaking', 'storm', 'eruption']);
const SUBJECT_REACH = 12;

/**
 * "The quake was felt strongly for around 15 seconds", "the quake shook houses for around one
 * minute": a span after "for" or "lasted" is how long the shaking its clause is about went on.
 */
function spanOfSubject(f: FrameInput): string | null {
  const { tokens } = f;
  const before = tokens[f.first - 1];
  if (f.first - 1 < f.floor || (before.norm !== 'for' && before.norm !== 'lasted' && before.norm !== 'lasting')) return null;
  for (let k = f.first - 2; k >= f.floor && f.first - k <= SUBJECT_REACH; k--) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.text !== '-') return null;
    if (SHAKING.has(t.norm)) return countedKey(t.norm);
  }
  return null;
}

/** Nouns in -ing that name what their verb's noun names: a span "of rioting" is a span of riots. */
const ING_NOUNS: Readonly<Record<string, string>> = { rioting: 'riots', fighting: 'fights', protesting: 'protests', shelling: 'shellings', bombing: 'bombings' };

/** A word an adjective before it may describe: not a preposition, a conjunction or a verb, but maybe a word in -ing ("bitter fighting"). */
function describes(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false;
  const flags = wordFlags(t.norm);
  return (flags & (W.Preposition | W.Conjunction | W.Auxiliary)) === 0 && ((flags & W.Verb) === 0 || (flags & W.Adjective) !== 0 || t.norm.endsWith('ing'));
}
