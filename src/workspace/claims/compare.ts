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
  const counted = c.counted === null ? '' : countedKey(c.counted);
  const money = c.unit !== null && MONEY_UNITS.has(c.unit);
  const specific = counted !== '' && !GENERIC_COUNTED.has(counted);
  const describedByMeasure = c.measure !== null && SELF_DESCRIBING.has(c.measure) && (counted !== '' || money);
  const duration = c.unit !== null && TIME_UNITS.has(c.unit);
  const described = describedByMeasure || (specific && (c.measure !== null || c.place !== null || duration));
  if (!described) return null;
  return [c.unit ?? '', counted, c.measure ?? '', c.when ?? ''].join('|');
}

/**
 * Two claims of one group are about the same story when their places are compatible and their
 * sentences name a place or people in common (a share of a country names its place itself).
 * Figures about people in general ("49 people killed", "80 people killed") must share a city or
 * region: a country is too wide to tell one attack from another.
 */
export function sameStory(a: Claim, b: Claim): boolean {
  if (!samePlace(a, b)) return false;
  const counted = a.counted === null ? '' : countedKey(a.counted);
  if (isCountry(counted)) return true;
  const generic = counted === '' || GENERIC_COUNTED.has(counted);
  return generic && !(a.unit !== null && MONEY_UNITS.has(a.unit)) ? sharedLocality(a, b) : sharedContext(a.context, b.context);
}

function sharedLocality(a: Claim, b: Claim): boolean {
  if (a.place !== null && a.place === b.place) return true;
  return a.context.some((p) => !isCountry(p) && b.context.includes(p));
}

/**
 * Places are compatible when equal, or when one claim names no place and the other names a
 * country: a story's unplaced figure is usually the country's ("100,000 soldiers killed" and
 * "… in the war in Ukraine"), but not a city's ("20,000 troops" and "… in Kherson") unless the
 * unplaced claim's sentence names that city ("Police in Minsk said 45 people were arrested").
 */
function samePlace(a: Claim, b: Claim): boolean {
  if (a.place === b.place) return true;
  if (a.place !== null && b.place !== null) return false;
  const [placed, unplaced] = a.place !== null ? [a, b] : [b, a];
  return isCountry(placed.place as string) || unplaced.context.includes(placed.place as string);
}

/** Contexts meet when they share a name; when both name cities or regions, they must share one of those. */
function sharedContext(a: readonly string[], b: readonly string[]): boolean {
  const localA = a.filter((p) => !isCountry(p));
  const localB = b.filter((p) => !isCountry(p));
  if (localA.length > 0 && localB.length > 0) return localA.some((p) => localB.includes(p));
  return a.some((p) => b.includes(p));
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
  const [aLow, aHigh] = widened(a, tolerance);
  const [bLow, bHigh] = widened(b, tolerance);
  return aLow <= bHigh && bLow <= aHigh ? 'agrees' : 'conflicts';
}

function widened(c: Claim, tolerance: number): [number, number] {
  const slack = (x: number) => Math.max(roundingOf(x), Math.abs(x) * tolerance);
  const low = c.low === null ? -Infinity : c.low - slack(c.low);
  const high = c.high === null ? Infinity : c.high + slack(c.high);
  return [low, high];
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
