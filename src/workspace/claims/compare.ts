import { countedKey, type Claim } from '../../core/claims';
import { isEventNoun } from '../../core/claims/counted';
import { HUMAN_MEASURES, SELF_DESCRIBING } from '../../core/claims/measures';
import { isCountry } from '../../core/claims/places';
import { MONEY_UNITS, TIME_UNITS } from '../../core/claims/units';
import { compatibleScopes, dimensionKey } from '../../core/claims/frame';
import { SOMEONE, isAgeNoun, isPopulation } from '../../core/claims/measured';
import { samePerson } from '../../core/claims/person';

// When two claims in different files measure the same thing, and whether they agree. A false
// alarm teaches readers to ignore Byline, so every rule here leans towards "not the same
// thing". A folder of news holds many stories ("49 people killed" in Orlando, "14 killed" in
// San Bernardino), so claims are linked only when they say enough about what they count and
// their sentences name a place or people in common; a linked pair conflicts only when its
// intervals stay apart after hedges and rounding.

/** Counted words too general to tie two figures together without a measure: "people", "things". */
const GENERIC_COUNTED = new Set(['person', 'thing', 'time', 'case', 'one', 'other', 'more', 'figure', 'number', 'total']);

const ONE_SIDED = new Set(['more-than', 'at-least', 'less-than', 'at-most']);

/** Counted phrases' keys, remembered: an archive counts "people" and "troops" thousands of times, and a key takes the lexicon. */
const countedKeys = new Map<string, string>();
/** Phrases remembered before the memo starts again. */
const COUNTED_MEMO_LIMIT = 50_000;

function keyOfCounted(counted: string | null): string {
  if (counted === null) return '';
  let key = countedKeys.get(counted);
  if (key === undefined) {
    if (countedKeys.size >= COUNTED_MEMO_LIMIT) countedKeys.clear();
    countedKeys.set(counted, (key = countedKey(counted)));
  }
  return key;
}

/**
 * The group a claim belongs to, or null when it says too little to be compared: claims are
 * compared only within a group. The key is what the claim's frame says must be equal (its
 * dimension, what it measures, the event, the time); scope, place and context are checked pair by pair (see
 * `sameStory`). A claim says enough when it measures something named: a magnitude, a depth, a
 * distance from a place, the length of a named thing ("eight days of riots"), a count of a
 * specific thing with a measure or a place ("troops in Kherson"), a measure that names what
 * happened ("24 people dead", "$38 billion in aid"), a price, a person's age, or a count of two
 * or more of a named thing.
 */
export function groupKey(c: Claim): string | null {
  if (!c.comparable) return null;
  const f = c.frame;
  const what = f.what ?? '';
  const money = f.dimension === 'money';
  const specific = what !== '' && !GENERIC_COUNTED.has(what);
  const describedByMeasure = c.measure !== null && SELF_DESCRIBING.has(c.measure) && (what !== '' || money || HUMAN_MEASURES.has(c.measure));
  // A count of a named thing and nothing more ("288 candidates", "three banks") is compared by
  // its number alone and only ever agrees (`bare`, `distinctive`, `closeFigures`).
  const counting = f.dimension === 'count' || f.dimension === 'money' || f.dimension === 'percent' || f.dimension === 'other';
  const described = f.dimension === 'magnitude' || f.what === 'price' || isPopulation(f.what) || describedByMeasure || (specific && (!counting || c.measure !== null || c.place !== null || (bare(c) && distinctive(c))));
  if (!described) return null;
  // "aftershocks above magnitude 5", "stronger than five on the Richter scale": a threshold, not a quake's magnitude.
  if (f.dimension === 'magnitude' && c.hedge !== null && ONE_SIDED.has(c.hedge)) return null;
  // A person's age is theirs whenever the sentence is set. Ages are grouped whoever they are
  // of: "Johnson, 64" and "the 64-year-old woman" may be one person (see `ageOwners`).
  const age = ageOwnerOf(c) !== null;
  const when = age ? '' : (c.when ?? '');
  return [dimensionKey(f, c.unit), age ? 'age' : what, f.event ?? '', when].join('|');
}

/**
 * What comparing a claim looks at that takes the lexicon (countries, counted words): its group
 * and what ties it to a story. Worked out where the claim is found (digest.ts, in a worker
 * thread) and kept with it, so that a server reopening a folder from its cache builds the
 * claim index without loading compromise.
 */
export interface ClaimTraits {
  /** `groupKey`: null when the claim is not compared. */
  group: string | null;
  placeIsCountry: boolean;
  /** The names of the claim's sentence that are not countries: cities, regions, people. */
  localContext: string[];
  /** The counted thing is a country or wider ("20% of Ukraine"): it names the story itself. */
  countedIsCountry: boolean;
  /** Figures about people in general or things unnamed: the story is told by a shared city or region. */
  byLocality: boolean;
}

/** The places a claim's sentence names and those its article's lead names. */
function storyOf(c: Claim): string[] {
  return c.frame.story.length === 0 ? c.context : [...new Set([...c.context, ...c.frame.story])];
}

export function traitsOf(c: Claim): ClaimTraits {
  const counted = keyOfCounted(c.counted);
  // A magnitude or a depth names what it measures; "49 people" does not.
  const measured = c.frame.dimension !== 'count' && c.frame.dimension !== 'money' && c.frame.dimension !== 'percent' && c.frame.what !== null;
  const generic = !measured && (counted === '' || GENERIC_COUNTED.has(counted));
  const group = groupKey(c);
  return {
    group,
    placeIsCountry: c.place !== null && isCountry(c.place),
    localContext: storyOf(c).filter((p) => !isCountry(p)),
    countedIsCountry: isCountry(counted),
    byLocality: generic && !(c.unit !== null && MONEY_UNITS.has(c.unit)),
  };
}

/**
 * What `sameStory` and `relation` look at in a claim, worked out once: a group compares each of
 * its claims with every other, and a folder that tells one story puts thousands in a group.
 */
export interface ComparedClaim extends Omit<ClaimTraits, 'group'> {
  claim: Claim;
  /** The places of the claim's sentence and of its article's lead. */
  story: string[];
  /** Every place the claim's article names, as a set (one per article). */
  places: ReadonlySet<string>;
  /** The number it states in its dimension's base unit, for `tooFarApart` (null for an order of magnitude). */
  figure: number | null;
  /** The interval the claim allows once each finite end is allowed its rounding or the tolerance. */
  low: number;
  high: number;
  /** A count known by its number (`bare`). */
  numbered: boolean;
  /** A measure of a person: an age or the length of a fall (see `personOf`). */
  personal: boolean;
}

export function compared(c: Claim, tolerance = 0, traits: ClaimTraits = traitsOf(c)): ComparedClaim {
  // In the dimension's base unit, so that "10 kilometres" and "six miles" compare.
  const scale = c.frame.scale;
  // An age is given to the year: "70" is not rounded from 67.
  const exact = c.measure === 'age';
  const slack = (x: number) => (exact ? 0 : Math.max(roundingOf(x), Math.abs(x) * tolerance));
  return {
    claim: c,
    story: storyOf(c),
    places: placeSet(c.frame.places),
    figure: figureOf(c),
    placeIsCountry: traits.placeIsCountry,
    localContext: traits.localContext,
    countedIsCountry: traits.countedIsCountry,
    byLocality: traits.byLocality,
    low: c.low === null ? -Infinity : (c.low - slack(c.low)) * scale,
    high: c.high === null ? Infinity : (c.high + slack(c.high)) * scale,
    numbered: bare(c),
    personal: exact || c.frame.what === 'fall',
  };
}

/**
 * Two claims of one group are about the same story when their places are compatible and their
 * sentences name a place or people in common (a share of a country names its place itself).
 * Figures about people in general ("49 people killed", "80 people killed") must share a city or
 * region: a country is too wide to tell one attack from another.
 */
export function sameStory(a: Claim, b: Claim): boolean {
  return sameStoryOf(compared(a), compared(b));
}

/**
 * Two claims of one group count the same thing when their scopes may be one (scope.ts) and the
 * words that narrow what they count agree: "comments" and "public comments" are one count,
 * "Russian soldiers" and "Ukrainian soldiers" are two.
 */
export function sameThing(a: Claim, b: Claim): boolean {
  if (!compatibleScopes(a.frame.scope, b.frame.scope)) return false;
  if (personOf(a, b) === 'different') return false;
  const [x, y] = a.frame.qualifiers.length <= b.frame.qualifiers.length ? [a, b] : [b, a];
  return x.frame.qualifiers.every((q) => y.frame.qualifiers.includes(q));
}

/** Whose age a claim gives: a surname ("grigoropoulos") or a noun ("boy"). */
export interface AgeOwner {
  owner: string;
  /** A noun or no one named: the age may be anyone's of that kind. */
  noun: boolean;
}

/**
 * Each claim's age owner, read once: an archive's ages are all in one group, and every pair of
 * them asks whose they are.
 */
const ageOwnerMemo = new WeakMap<Claim, AgeOwner | null>();

export function ageOwnerOf(c: Claim): AgeOwner | null {
  let known = ageOwnerMemo.get(c);
  if (known === undefined) {
    const what = c.frame.what;
    const owner = what !== null && what.startsWith('age-of-') ? what.slice('age-of-'.length) : null;
    known = owner === null ? null : { owner, noun: isAgeNoun(owner) };
    ageOwnerMemo.set(c, known);
  }
  return known;
}

/**
 * Whether two ages are of one person: `same` surname; two surnames are `different` people; a
 * noun and a name, or two nouns ("the boy", "the teenager", "Grigoropoulos"), `maybe` one
 * person — in one story the 15-year-old boy is usually the one named elsewhere, but only ages
 * that agree say so: two that differ may be two people, and are not compared.
 */
export function ageOwners(a: Claim, b: Claim): 'same' | 'maybe' | 'different' | null {
  const x = ageOwnerOf(a);
  const y = ageOwnerOf(b);
  if (x === null || y === null) return null;
  // "The boy" is one boy in a story, and many in an archive: only a name is sure.
  if (x.owner === y.owner) return x.noun ? 'maybe' : 'same';
  return x.noun || y.noun ? 'maybe' : 'different';
}

/**
 * Whether two measures of a person (an age, the length of a fall) are of one person: by the
 * owner of an age (`ageOwners`), by the person a fall's sentence describes (person.ts); null
 * when they are not measures of a person.
 */
export function personOf(a: Claim, b: Claim): 'same' | 'maybe' | 'different' | null {
  const owners = ageOwners(a, b);
  if (owners !== null) return owners;
  return a.frame.what === 'fall' && b.frame.what === 'fall' ? samePerson(a.frame.person ?? null, b.frame.person ?? null) : null;
}

/** `sameStory` of claims already prepared with `compared`; what counts is read from `a`. */
export function sameStoryOf(a: ComparedClaim, b: ComparedClaim): boolean {
  const dayA = a.claim.frame.day;
  const dayB = b.claim.frame.day;
  // A place's population, or how far it lies from another, is the same whichever day a sentence names.
  if (dayA !== null && dayB !== null && dayA !== dayB && !standing(a.claim)) return false;
  // A magnitude, a depth, a fall, an age: few stories share one, and articles that name many of
  // the same places tell one. Where one sentence names a place and the other none, the place
  // is where the quake struck or the climber fell, not a part of what is measured.
  if (measured(a.claim) && (a.claim.place === null || b.claim.place === null || a.claim.place === b.claim.place) && sameArticle(a, b)) return true;
  // "Duncan Rait, 36, fell 200 feet" and "the 36-year-old fell about 200 metres": one person,
  // in articles that name a place in common, is one story however little else they share.
  // (Not an age: "the daughter" and "Clinton" are many people in an archive, and an age is no
  // event of a story.)
  // So is one person's fall on the weekday both sentences name ("on Friday"): an age and a day
  // in common are rare for two falls in one folder.
  if (a.claim.frame.what === 'fall' && personOf(a.claim, b.claim) === 'same' && (sharePlace(a, b) || (dayA !== null && dayA === dayB))) return true;
  // A price is known by its sum: "$5.4 billion" for a chip-maker here and there is one deal,
  // though business news names companies, not places. Prices that differ need the story.
  if (a.claim.frame.what === 'price' && closeFigures(a, b) && relationOf(a, b) === 'agrees') return true;
  if (!samePlace(a, b)) return false;
  if (bare(a.claim) || bare(b.claim)) return sameArticle(a, b) || sameOddNumber(a, b);
  if (a.countedIsCountry) return true;
  if (a.byLocality) return sharedLocality(a, b);
  return sharedContext(a, b);
}

/** A figure that does not change from day to day: a place's population, the distance between two places. */
function standing(c: Claim): boolean {
  const what = c.frame.what;
  return isPopulation(what) || (what !== null && what.startsWith('distance-from-'));
}

/**
 * The same number, not a round one, as written in both: "288 candidates" here and there are one
 * count whatever places the two articles name; "100 candidates" may be two elections'.
 */
function sameOddNumber(a: ComparedClaim, b: ComparedClaim): boolean {
  const x = a.figure;
  return x !== null && x === b.figure && a.claim.hedge === null && b.claim.hedge === null && Number.isInteger(x) && x >= ODD_MINIMUM && x % 10 !== 0;
}

const ODD_MINIMUM = 20;

/**
 * A count of a named thing and nothing more: "288 candidates", "three banks". (Shares are not
 * compared so: "about two-thirds of voters" in an archive of election news is a poll of each
 * state and week.)
 */
export function bare(c: Claim): boolean {
  // A population is known by its place, as a toll is by its story, not by its number.
  const what = c.frame.what;
  return c.frame.dimension === 'count' && c.measure === null && c.place === null && what !== null && !isPopulation(what) && !GENERIC_COUNTED.has(what);
}

/**
 * A bare count of two or more is compared: "three banks" in two reports of one riot are
 * usually the same banks, and since bare counts only ever agree (claimIndex.ts), one that is
 * not costs a wrong agreement, never a false alarm. "One bank" is too common to say anything:
 * on real coverage of one event it gave as many wrong links as right ones (ecbplus).
 */
const BARE_MINIMUM = 2;

function distinctive(c: Claim): boolean {
  const n = c.value ?? c.low ?? c.high;
  return n !== null && n >= BARE_MINIMUM && c.hedge !== 'magnitude';
}

function measured(c: Claim): boolean {
  const d = c.frame.dimension;
  // A sale's price names its deal as a depth names its quake.
  if (d === 'money') return c.frame.what === 'price';
  return d !== 'count' && d !== 'percent' && d !== 'other' && c.frame.what !== null;
}

/** One set per article: its claims share their `places` array. */
const placeSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function placeSet(places: readonly string[]): ReadonlySet<string> {
  let set = placeSets.get(places);
  if (set === undefined) placeSets.set(places, (set = new Set(places)));
  return set;
}

/**
 * Two articles tell one story when the places they name overlap enough: SAME_ARTICLE_SHARE of
 * all they name (Jaccard), and SAME_ARTICLE_PLACES places at least. Measured on real coverage:
 * pairs of articles on one event pass 70% of the time, pairs from an archive of US political
 * news 4% (ecbplus, PolNeAR train).
 */
const SAME_ARTICLE_SHARE = 0.2;
const SAME_ARTICLE_PLACES = 2;

function sameArticle(a: ComparedClaim, b: ComparedClaim): boolean {
  if (a.places === b.places) return true;
  const [small, large] = a.places.size <= b.places.size ? [a.places, b.places] : [b.places, a.places];
  let shared = 0;
  for (const p of small) if (large.has(p)) shared++;
  return shared >= SAME_ARTICLE_PLACES && shared >= SAME_ARTICLE_SHARE * (a.places.size + b.places.size - shared);
}

function sharePlace(a: ComparedClaim, b: ComparedClaim): boolean {
  for (const p of a.places) if (b.places.has(p)) return true;
  return false;
}

function sharedLocality(a: ComparedClaim, b: ComparedClaim): boolean {
  if (a.claim.place !== null && a.claim.place === b.claim.place) return true;
  return a.localContext.some((p) => b.story.includes(p));
}

/**
 * Places are compatible when equal, or when one claim names no place and the other names a
 * country: a story's unplaced figure is usually the country's ("100,000 soldiers killed" and
 * "… in the war in Ukraine"), but not a city's ("20,000 troops" and "… in Kherson") unless the
 * unplaced claim's sentence names that city ("Police in Minsk said 45 people were arrested").
 */
function samePlace(a: ComparedClaim, b: ComparedClaim): boolean {
  if (a.claim.place === b.claim.place) return true;
  if (a.claim.place !== null && b.claim.place !== null) return false;
  const [placed, unplaced] = a.claim.place !== null ? [a, b] : [b, a];
  return placed.placeIsCountry || unplaced.claim.context.includes(placed.claim.place as string);
}

/** Contexts meet when the claims' sentences and their articles' leads share a place. */
function sharedContext(a: ComparedClaim, b: ComparedClaim): boolean {
  return a.story.some((p) => b.story.includes(p));
}

/**
 * How much a figure may have been rounded: half a unit of its last significant digit
 * ("38 billion" ± 0.5 billion), but never more than ROUNDING_SHARE of it, because writers
 * round 104,000 to "100,000" but not 140,000.
 */
const ROUNDING_SHARE = 0.05;

export function roundingOf(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const abs = Math.abs(x);
  let unit = 10 ** Math.floor(Math.log10(abs));
  // Walk down until the figure is a whole number of units: 7.5 million → 100,000.
  while (unit > 1e-9 && Math.abs(abs / unit - Math.round(abs / unit)) > 1e-9 * (abs / unit)) unit /= 10;
  return Math.min(unit / 2, abs * ROUNDING_SHARE);
}

/** `updates`: a toll that grows, reported on different days (set by the claim index, which knows both files). */
export type Relation = 'agrees' | 'conflicts' | 'updates';

/**
 * Agree when the intervals overlap once each finite end is allowed its rounding, or the
 * user's `tolerance` (a share of the figure, the byline.numericTolerance setting) if larger.
 */
export function relation(a: Claim, b: Claim, tolerance = 0): 'agrees' | 'conflicts' {
  return relationOf(compared(a, tolerance), compared(b, tolerance));
}

/** `relation` of claims already prepared with `compared` (and the tolerance). */
export function relationOf(a: ComparedClaim, b: ComparedClaim): 'agrees' | 'conflicts' {
  // Intervals that only touch do not agree: "32" ([31.5, 32.5]) and "31" ([30.5, 31.5]) are two ages.
  const touching = a.low === b.high || b.low === a.high;
  return a.low <= b.high && b.low <= a.high && !(touching && a.low !== a.high && b.low !== b.high) ? 'agrees' : 'conflicts';
}

/**
 * Two reports of one figure differ by a share of it, not by orders of magnitude: "12 killed"
 * and "some 2 million died" are a bombing's toll and a war's, whatever their words share. A
 * pair whose intervals lie further apart than this factor is not linked at all.
 */
const FACTOR_APART = 5;

export function tooFarApart(a: ComparedClaim, b: ComparedClaim): boolean {
  const x = a.figure;
  const y = b.figure;
  // By the numbers as written: "more than 40" and "more than 640" overlap as intervals, yet are a school's toll and a war's.
  if (x !== null && y !== null) return x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) > FACTOR_APART;
  // An order of magnitude by its range: "dozens" (12 to 120) is near "200", not "more than 2,000".
  const [vague, figure] = x === null ? [a, y] : [b, x];
  return figure !== null && vague.claim.hedge === 'magnitude' && (figure > vague.high * FACTOR_APART || figure * FACTOR_APART < vague.low);
}

/**
 * A bare count is known by its number: "288 candidates" here and "288 candidates" there are one
 * count, but "at least 175 delegates" and "691 delegates" are two candidates' tallies, however
 * their intervals overlap. Figures as written within this factor of each other may be one count.
 */
const BARE_FACTOR = 1.25;

export function closeFigures(a: ComparedClaim, b: ComparedClaim): boolean {
  const x = a.figure;
  const y = b.figure;
  return x !== null && y !== null && x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) <= BARE_FACTOR;
}

/**
 * The number a claim states, in its dimension's base unit: its value, or the bound it gives;
 * null for an order of magnitude ("dozens", "hundreds"), whose range `tooFarApart` reads.
 */
function figureOf(c: Claim): number | null {
  if (c.hedge === 'magnitude') return null;
  const n = c.value ?? c.low ?? c.high;
  return n === null ? null : n * c.frame.scale;
}

/** What a claim measures, in words: "Ukrainian civilians killed or wounded", "share of Ukraine occupied", "aid (USD)". */
export function describe(c: Claim): string {
  const named = describeWhat(c);
  if (named !== null) return named;
  const measure = c.measure === 'aid' && c.counted !== null ? 'in aid' : c.measure;
  // "people killed", not "people deaths": what happened to people, said of them.
  const said = measure !== null && HUMAN_MEASURES.has(measure) && c.counted !== null ? (SAID_OF_PEOPLE[measure] ?? measure) : measure;
  // "eight days of riots": what a duration is the length of is in the frame, not in `counted`.
  const what = [c.counted ?? (c.frame.dimension === 'duration' ? c.frame.what : null), said].filter((w): w is string => w !== null).join(' ');
  if (c.unit === 'percent') return `share of ${what || 'a whole'}`;
  if (c.unit !== null && TIME_UNITS.has(c.unit) && what !== '') return `the length of the ${what} (${c.unit})`;
  const unit = c.unit !== null && c.unit !== 'people' ? ` (${c.unit})` : '';
  return `${what || 'figure'}${unit}`;
}

/** Measures as said of the people they count: "civilians killed". */
const SAID_OF_PEOPLE: Readonly<Record<string, string>> = { deaths: 'killed' };

/** What a frame names on its own: a magnitude, a price, a depth, a distance, a fall, an age. */
function describeWhat(c: Claim): string | null {
  const what = c.frame.what;
  if (what === null) return null;
  const name = (w: string) => w.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');
  if (what === 'magnitude') return 'the magnitude';
  if (what === 'price') return `the price (${c.unit})`;
  if (what === 'depth') return `the depth (${c.unit})`;
  if (what === 'fall') return `the length of the fall (${c.unit})`;
  if (what.startsWith('age-of-')) {
    const owner = what.slice('age-of-'.length);
    if (owner === SOMEONE) return 'an age';
    return `the age of ${isAgeNoun(owner) ? `the ${owner}` : name(owner)}`;
  }
  const distance = /^distance(?:-from-(.+))?$/.exec(what);
  if (distance === null) return null;
  const [, from] = distance;
  const located = c.frame.qualifiers[0];
  return `the distance${located ? ` of ${name(located)}` : ''}${from ? ` from ${from === from.toLowerCase() && !/ /.test(from) ? `the ${from}` : name(from)}` : ''} (${c.unit})`;
}

/** Measures that grow as reports come in: two files that disagree on one may give it at different times. */
const DEVELOPING = new Set(['deaths', 'wounded', 'killed or wounded', 'dead or missing', 'missing', 'displaced', 'evacuated', 'arrested', 'damaged']);

/** "… (this may be an update: tolls change as reports come in)" for a developing measure or a running span. */
export function mayBeUpdate(c: Claim): boolean {
  if (c.when !== null) return false;
  // "seriously wounded" grows as "wounded" does; the toll of a past event ("in 2004") no longer does.
  const event = c.frame.event?.split(' ').pop();
  return (event !== undefined && DEVELOPING.has(event)) || runningSpan(c);
}

/** How long something that goes on has lasted: "four days of riots", "the war, now in its ninth month". */
export function runningSpan(c: Claim): boolean {
  const what = c.frame.what;
  return c.frame.dimension === 'duration' && what !== null && (isEventNoun(what) || isEventNoun(`${what}s`));
}

/** The interval a claim allows, in words: "at most 40,000", "20,000–30,000". */
export function describeInterval(c: Claim): string {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (c.low !== null && c.high !== null) return c.low === c.high ? n(c.low) : `${n(c.low)}–${n(c.high)}`;
  if (c.low !== null) return `at least ${n(c.low)}`;
  if (c.high !== null) return `at most ${n(c.high)}`;
  return 'any value';
}
