import { countedKey, type Claim } from '../../core/claims';
import { SELF_DESCRIBING } from '../../core/claims/measures';
import { isCountry } from '../../core/claims/places';
import { MONEY_UNITS, TIME_UNITS } from '../../core/claims/units';

// When two claims in different files measure the same thing, and whether they agree. A false
// alarm teaches readers to ignore Byline, so every rule here leans towards "not the same
// thing". A folder of news holds many stories ("49 people killed" in Orlando, "14 killed" in
// San Bernardino), so claims are linked only when they say enough about what they count and
// their sentences name a place or people in common; a linked pair conflicts only when its
// intervals stay apart after hedges and rounding.

/** Counted words too general to tie two figures together without a measure: "people", "things". */
const GENERIC_COUNTED = new Set(['person', 'thing', 'time', 'case', 'one', 'other', 'more', 'figure', 'number', 'total']);

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
 * compared only within a group. The key is what must be equal (unit, counted thing, measure,
 * time); place and context are checked pair by pair (see `sameStory`). A claim is described
 * enough when it has a measure that names what happened ("killed or wounded") to something
 * counted or to money, or a specific counted thing with a measure, a place, or a duration
 * ("Russian soldiers killed", "troops in Kherson", "eight-month war").
 */
export function groupKey(c: Claim): string | null {
  if (!c.comparable) return null;
  const counted = keyOfCounted(c.counted);
  const money = c.unit !== null && MONEY_UNITS.has(c.unit);
  const specific = counted !== '' && !GENERIC_COUNTED.has(counted);
  const describedByMeasure = c.measure !== null && SELF_DESCRIBING.has(c.measure) && (counted !== '' || money);
  const duration = c.unit !== null && TIME_UNITS.has(c.unit);
  const described = describedByMeasure || (specific && (c.measure !== null || c.place !== null || duration));
  if (!described) return null;
  return [c.unit ?? '', counted, c.measure ?? '', c.when ?? ''].join('|');
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

export function traitsOf(c: Claim): ClaimTraits {
  const counted = keyOfCounted(c.counted);
  const generic = counted === '' || GENERIC_COUNTED.has(counted);
  return {
    group: groupKey(c),
    placeIsCountry: c.place !== null && isCountry(c.place),
    localContext: c.context.filter((p) => !isCountry(p)),
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
  /** The interval the claim allows once each finite end is allowed its rounding or the tolerance. */
  low: number;
  high: number;
}

export function compared(c: Claim, tolerance = 0, traits: ClaimTraits = traitsOf(c)): ComparedClaim {
  const slack = (x: number) => Math.max(roundingOf(x), Math.abs(x) * tolerance);
  return {
    claim: c,
    placeIsCountry: traits.placeIsCountry,
    localContext: traits.localContext,
    countedIsCountry: traits.countedIsCountry,
    byLocality: traits.byLocality,
    low: c.low === null ? -Infinity : c.low - slack(c.low),
    high: c.high === null ? Infinity : c.high + slack(c.high),
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

/** `sameStory` of claims already prepared with `compared`; what counts is read from `a`. */
export function sameStoryOf(a: ComparedClaim, b: ComparedClaim): boolean {
  if (!samePlace(a, b)) return false;
  if (a.countedIsCountry) return true;
  return a.byLocality ? sharedLocality(a, b) : sharedContext(a, b);
}

function sharedLocality(a: ComparedClaim, b: ComparedClaim): boolean {
  if (a.claim.place !== null && a.claim.place === b.claim.place) return true;
  return a.localContext.some((p) => b.claim.context.includes(p));
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

/** Contexts meet when they share a name; when both name cities or regions, they must share one of those. */
function sharedContext(a: ComparedClaim, b: ComparedClaim): boolean {
  if (a.localContext.length > 0 && b.localContext.length > 0) return a.localContext.some((p) => b.localContext.includes(p));
  return a.claim.context.some((p) => b.claim.context.includes(p));
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

export type Relation = 'agrees' | 'conflicts';

/**
 * Agree when the intervals overlap once each finite end is allowed its rounding, or the
 * user's `tolerance` (a share of the figure, the byline.numericTolerance setting) if larger.
 */
export function relation(a: Claim, b: Claim, tolerance = 0): Relation {
  return relationOf(compared(a, tolerance), compared(b, tolerance));
}

/** `relation` of claims already prepared with `compared` (and the tolerance). */
export function relationOf(a: ComparedClaim, b: ComparedClaim): Relation {
  return a.low <= b.high && b.low <= a.high ? 'agrees' : 'conflicts';
}

/** What a claim measures, in words: "Ukrainian civilians killed or wounded", "share of Ukraine occupied", "aid (USD)". */
export function describe(c: Claim): string {
  const measure = c.measure === 'aid' && c.counted !== null ? 'in aid' : c.measure;
  const what = [c.counted, measure].filter((w): w is string => w !== null).join(' ');
  if (c.unit === 'percent') return `share of ${what || 'a whole'}`;
  if (c.unit !== null && TIME_UNITS.has(c.unit) && what !== '') return `length of the ${what} (${c.unit})`;
  const unit = c.unit !== null && c.unit !== 'people' ? ` (${c.unit})` : '';
  return `${what || 'figure'}${unit}`;
}

/** The interval a claim allows, in words: "at most 40,000", "20,000–30,000". */
export function describeInterval(c: Claim): string {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (c.low !== null && c.high !== null) return c.low === c.high ? n(c.low) : `${n(c.low)}–${n(c.high)}`;
  if (c.low !== null) return `at least ${n(c.low)}`;
  if (c.high !== null) return `at most ${n(c.high)}`;
  return 'any value';
}
