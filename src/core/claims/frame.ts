import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import { scopeOf, type Scope } from './scope';
import { MONEY_UNITS } from './units';
import { Tag, tagsOf } from './tags';
import { SHAPE_MEASURES, isPopulation, whatOf } from './measured';
import { HUMAN_MEASURES } from './measures';
import { personOf, type Person } from './person';

// A claim's frame: what a figure says, beyond its number. Two figures in different files are
// the same figure when their frames say they measure the same thing of the same event —
// whatever their units ("10 kilometres" and "six miles" are one depth) and whatever words
// they are counted in. The frame is read from the claim's own sentence with small tables a
// reader can extend, no tagger:
//
//   dimension  count, money, percent, magnitude, length, duration … (from the unit)
//   scale      the unit's size in its dimension's base unit (metres, seconds), so figures in
//              miles and kilometres compare
//   what       what is counted or measured: "candidate", "depth", "distance from bireun",
//              "magnitude", "riot" (for "eight days of riots")
//   event      what happened to it: "deaths", "wounded", "damaged" (the measures table)
//   scope      whole, cumulative, incident, part or estimate (scope.ts)
//   source     who gives it: "according to the UN", "police said"

export type Dimension =
  | 'count' | 'money' | 'percent' | 'magnitude' | 'length' | 'area' | 'mass' | 'volume' | 'speed' | 'duration'
  | 'temperature' | 'power' | 'energy' | 'other';

export { compatibleScopes, type Scope } from './scope';

export interface ClaimFrame {
  dimension: Dimension;
  /** The claim's unit in its dimension's base unit: 1000 for km (metres), 60 for minutes (seconds); 1 when there is none. */
  scale: number;
  what: string | null;
  /** Words that narrow what is counted ("public" in "public comments"): one figure's must include the other's, or be included. */
  qualifiers: string[];
  event: string | null;
  scope: Scope;
  source: string | null;
  /** Whom a measure of a person is about (the length of a fall): a surname, an age (person.ts); null otherwise or when the sentence does not say. */
  person: Person | null;
  /** The day of the week the figure's sentence names ("on Sunday", "at the weekend"): two quakes of one week are two events. */
  day: string | null;
  /**
   * Which of several like things the figure measures, when the sentence says: 1 in "the first
   * quake, magnitude 7.6", 2 in "two quakes, measuring 7.6 and 7.4"; null otherwise. An article
   * that gives two quakes' magnitudes is read rank by rank against another (claimIndex.ts).
   */
  rank: number | null;
  /** The places the article's headline and lead name: the story it tells (see findClaims). */
  story: string[];
  /** Every place the article names, the most named first (one array for all its claims). */
  places: string[];
  /** When the article says it was published (ms since 1970, dateline.ts), or null: orders the reports of a rising toll. */
  reported: number | null;
}

/** Units with a dimension and their size in its base unit. Money, percent and counts are handled apart. */
const UNIT_DIMENSIONS: Readonly<Record<string, readonly [Dimension, number]>> = {
  km: ['length', 1000], miles: ['length', 1609.344], metres: ['length', 1], feet: ['length', 0.3048], yards: ['length', 0.9144],
  inches: ['length', 0.0254], cm: ['length', 0.01], mm: ['length', 0.001], nm: ['length', 1e-9],
  'square miles': ['area', 2_589_988], 'km²': ['area', 1_000_000], 'm²': ['area', 1], 'square feet': ['area', 0.0929], acres: ['area', 4046.86], hectares: ['area', 10_000],
  kg: ['mass', 1], g: ['mass', 0.001], mg: ['mass', 1e-6], lb: ['mass', 0.4536], pounds: ['mass', 0.4536], tonnes: ['mass', 1000], tons: ['mass', 907.2], ounces: ['mass', 0.02835],
  litres: ['volume', 1], ml: ['volume', 0.001], gallons: ['volume', 3.785], barrels: ['volume', 159], 'cubic feet': ['volume', 28.32], 'm³': ['volume', 1000],
  mph: ['speed', 1.609344], 'km/h': ['speed', 1], knots: ['speed', 1.852],
  seconds: ['duration', 1], minutes: ['duration', 60], hours: ['duration', 3600], days: ['duration', 86_400], weeks: ['duration', 604_800],
  months: ['duration', 2_629_800], years: ['duration', 31_557_600], decades: ['duration', 315_576_000], centuries: ['duration', 3_155_760_000],
  '°C': ['temperature', 1], W: ['power', 1], kW: ['power', 1000], MW: ['power', 1e6], GW: ['power', 1e9],
  kWh: ['energy', 1], MWh: ['energy', 1000], GWh: ['energy', 1e6], TWh: ['energy', 1e9],
  magnitude: ['magnitude', 1],
};

/** Words that give the figure's source after them: "according to the UN", "police said". */
const SOURCE_CUES = new Set(['according']);
const SOURCE_REACH = 6;

export interface FrameInput {
  tokens: readonly Token[];
  /** The claim's tokens [first, last) and the tokens that say what it counts, up to `after`. */
  first: number;
  last: number;
  /** The number stated, when it is one number. */
  value: number | null;
  after: number;
  /** The sentence [floor, end). */
  floor: number;
  end: number;
  unit: string | null;
  counted: string | null;
  /** A counted thing that is not a phrase after the number: "magnitude" in "6.1-magnitude". */
  countedText: string | null;
  measure: string | null;
  story: string[];
  places: string[];
  reported: number | null;
}

export function frameOf(f: FrameInput): ClaimFrame {
  const { tokens } = f;
  const magnitude = isMagnitude(f);
  const unit = magnitude ? 'magnitude' : f.unit;
  const [dimension, scale] = dimensionOf(unit);
  let [what, ...qualifiers] = whatOf(f, dimension)?.split(' ').reverse() ?? [null];
  // What happens to people counts people: "villagers injured", "Palestinians killed" and
  // "people injured" are one count, narrowed by who they were ("Russian soldiers" are not
  // "Ukrainian soldiers"; see `sameThing`).
  if (dimension === 'count' && f.measure !== null && HUMAN_MEASURES.has(f.measure) && what !== undefined && what !== null && what !== 'person') {
    qualifiers.unshift(what);
    what = 'person';
  }
  const within = withinOf(f);
  if (within !== null) qualifiers.push(within);
  return {
    dimension,
    scale,
    what: what ?? null,
    qualifiers: (qualifiers as string[]).reverse(),
    // "plunged some 700 metres to his death": a length has no toll of its own.
    event: dimension === 'count' || dimension === 'percent' || dimension === 'money' || dimension === 'other' ? eventOf(f) : null,
    scope: scopeFor(f, dimension, what ?? null),
    source: sourceOf(tokens, f.after, f.end),
    person: what === 'fall' ? personOf(tokens, f.floor, f.end, f.first) : null,
    day: dayOf(tokens, f.floor, f.end),
    rank: rankOf(tokens, f.first, f.last, f.floor, f.end),
    story: f.story,
    places: f.places,
    reported: f.reported,
  };
}

function scopeFor(f: FrameInput, dimension: Dimension, what: string | null): Scope {
  const { tokens } = f;
  if (dimension === 'percent') return scopeOf(tokens, f.first, f.first + 1, f.floor, f.first + 1);
  const scope = scopeOf(tokens, f.first, f.last, f.floor, f.end);
  if (dimension === 'duration') return spanScope(tokens, f.first, f.floor, scope);
  // "said it would buy ATI for $5.4 billion": the price is agreed, whatever the tense of the sale.
  if (what === 'price' && scope === 'estimate') return 'whole';
  // A place's population stands: the strike that hit "a camp of 21,000 people" is no scope of theirs.
  if (isPopulation(what) && (scope === 'incident' || scope === 'cumulative')) return 'whole';
  return scope;
}

/** Words before a span that make it a part of a longer one: "the first 24 hours of the convention". */
const SPAN_PARTS = new Set(['first', 'last', 'final', 'opening', 'closing']);

/**
 * A span is the whole event's: "four days of riots sparked by the police shooting" is no
 * incident's count, and "four days of the worst riots" no part's ("of the" follows the unit,
 * not the number). It is a part when it is the first or last of a longer one.
 */
function spanScope(tokens: readonly Token[], first: number, floor: number, scope: Scope): Scope {
  if (first - 1 >= floor && SPAN_PARTS.has(tokens[first - 1].norm)) return 'part';
  return scope === 'incident' || scope === 'part' ? 'whole' : scope;
}

/**
 * What happened, with the verb that says the figure counts those handled somewhere when there
 * is one: "the clinic received around 50 people with injuries" counts those received, not all
 * the injured ("injuring at least 50 people").
 */
function eventOf(f: FrameInput): string | null {
  if (f.measure === null || SHAPE_MEASURES.has(f.measure)) return null;
  const verb = handlingVerb(f.tokens, f.first, f.floor);
  return (verb === null ? '' : `${verb} `) + intensityOf(f) + f.measure;
}

/** Verbs of a place that takes in some of those a measure counts: a hospital, a clinic, a shelter. */
const HANDLING_VERBS = new Set([
  'received', 'receiving', 'treated', 'treating', 'admitted', 'hospitalised', 'hospitalized', 'housed', 'sheltered',
  'sheltering', 'rescued', 'registered', 'examined', 'airlifted', 'transported', 'discharged', 'identified',
]);
const VERB_REACH = 3;

/** A verb of handling just before the figure (past its hedge and an article). */
function handlingVerb(tokens: readonly Token[], first: number, floor: number): string | null {
  for (let k = first - 1; k >= floor && first - k <= VERB_REACH; k--) {
    const t = tokens[k];
    if (HANDLING_VERBS.has(t.norm)) return t.norm;
    if (t.kind !== 'word' || (wordFlags(t.norm) & W.Determiner) === 0) return null;
  }
  return null;
}

/** Words that make an injury or a damage a narrower measure: "seriously injured" is not "injured". */
const INTENSITY = new Set(['seriously', 'critically', 'severely', 'badly', 'gravely', 'slightly', 'lightly', 'totally', 'completely', 'partially', 'fatally', 'serious', 'critical', 'severe', 'minor']);
const INTENSITY_REACH = 6;

function intensityOf(f: FrameInput): string {
  const from = Math.max(f.floor, f.first - 2);
  const to = Math.min(f.end, f.after + INTENSITY_REACH);
  for (let k = from; k < to; k++) {
    const t = f.tokens[k];
    // "30 dead and 55 wounded, 15 critically": past this figure's words, another figure's.
    if (k >= f.last && (t.kind === 'number' || t.text === ',' || t.text === ';')) break;
    if (INTENSITY.has(t.norm)) return `${t.norm.replace(/ly$/, '').replace(/^(critica|severe|serious|grave)l?$/, '$1')} `;
  }
  return '';
}

/** Ordinals that tell one of several like things from the others. */
const RANKS = new Map([['first', 1], ['initial', 1], ['main', 1], ['second', 2], ['third', 3], ['fourth', 4]]);
const RANK_REACH = 5;

/**
 * Which of several like things the figure measures, where the sentence says: an ordinal a few
 * words before it, not past another figure ("the first earthquake measuring 7.6"), or its place
 * in a pair of figures ("two quakes, measuring 7.6 and 7.4": 1 and 2).
 */
function rankOf(tokens: readonly Token[], first: number, last: number, floor: number, end: number): number | null {
  for (let k = first - 1; k >= floor && first - k <= RANK_REACH; k--) {
    const t = tokens[k];
    if (t.kind === 'number') break;
    const rank = RANKS.get(t.norm);
    if (rank !== undefined) return rank;
  }
  if (last + 1 < end && tokens[last].norm === 'and' && tokens[last + 1].kind === 'number') return 1;
  if (first - 2 >= floor && tokens[first - 1].norm === 'and' && tokens[first - 2].kind === 'number') return 2;
  return null;
}

/** A weekday the sentence names, or "weekend". */
function dayOf(tokens: readonly Token[], floor: number, end: number): string | null {
  // Read once per sentence, as its scope is (scope.ts): a sentence may hold thousands of figures.
  if (lastDay !== null && lastDay.tokens === tokens && lastDay.floor === floor) return lastDay.day;
  const day = readDay(tokens, floor, end);
  lastDay = { tokens, floor, day };
  return day;
}

let lastDay: { tokens: readonly Token[]; floor: number; day: string | null } | null = null;

function readDay(tokens: readonly Token[], floor: number, end: number): string | null {
  for (let k = floor; k < end; k++) {
    const t = tokens[k];
    if (t.norm === 'weekend') return 'weekend';
    if (t.cap && (tagsOf(t.norm) & Tag.WeekDay) !== 0) return t.norm.replace(/s$/, '');
  }
  return null;
}

/** Words for a part of the story's ground: a figure "in the province" or "in hospitals" counts only there. */
const PART_PLACES = new Set([
  'province', 'district', 'region', 'city', 'town', 'village', 'area', 'county', 'capital', 'camp', 'school', 'hospital',
  'hospitals', 'clinic', 'clinics', 'prison', 'building', 'mosque', 'church', 'market',
]);
const WITHIN_REACH = 6;

/** "killed 170,000 people in the province", "died in hospitals": the part of the ground the figure is for. */
function withinOf(f: FrameInput): string | null {
  const { tokens } = f;
  for (let k = f.after; k < f.end && k - f.after < WITHIN_REACH; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' || t.norm === 'and' || t.norm === 'which' || t.norm === 'who' || t.norm === 'that') return null;
    if (t.norm !== 'in' && t.norm !== 'at' && t.norm !== 'inside') continue;
    let n = k + 1;
    if (tokens[n]?.norm === 'the' || tokens[n]?.norm === 'a' || tokens[n]?.norm === 'one') n++;
    if (n < f.end && PART_PLACES.has(tokens[n].norm)) return `in-${tokens[n].norm.replace(/s$/, '')}`;
  }
  return null;
}

function dimensionOf(unit: string | null): readonly [Dimension, number] {
  if (unit === null || unit === 'people') return ['count', 1];
  if (MONEY_UNITS.has(unit.split(' ')[0]) || unit === 'cents' || unit === 'pence') return ['money', 1];
  if (unit === 'percent') return ['percent', 1];
  return UNIT_DIMENSIONS[unit] ?? ['other', 1];
}

/** "6.1-magnitude quake", "a magnitude 6.1 earthquake", "6.1 on the Richter scale". */
function isMagnitude(f: FrameInput): boolean {
  const { tokens } = f;
  // A figure of people is one only by its measure: "6.1 magnitude earthquake injures dozens".
  if (f.unit !== null && f.unit !== 'people') return false;
  if (f.countedText === 'magnitude') return true;
  // "measuring 7.6 and 7.4": back past the figures coordinated with this one.
  let p = f.first - 1;
  while (p - 1 >= f.floor && tokens[p].norm === 'and' && tokens[p - 1].kind === 'number') p -= 2;
  const prev = tokens[p];
  if (p >= f.floor && (prev.norm === 'magnitude' || prev.norm === 'magnitude-')) return true;
  // "two quakes, measuring 7.6 and 7.4": a measurement of a quake with no unit is its magnitude.
  if (p >= f.floor && prev.norm === 'measuring' && f.value !== null && f.value > 0 && f.value < 10 && sentenceHas(tokens, f.floor, f.end, QUAKES)) return true;
  let k = f.last;
  // "the 7.6 and 7.5 magnitude quakes".
  if (tokens[k]?.norm === 'and' && tokens[k + 1]?.kind === 'number') k += 2;
  if (tokens[k]?.text === '-') k++;
  if (k < f.end && (tokens[k].norm === 'magnitude' || tokens[k].norm === 'richter')) return true;
  return k + 2 < f.end && tokens[k].norm === 'on' && tokens[k + 1].norm === 'the' && tokens[k + 2].norm === 'richter';
}

const QUAKES = new Set(['quake', 'quakes', 'earthquake', 'earthquakes', 'tremor', 'tremors', 'aftershock', 'aftershocks', 'temblor']);

function sentenceHas(tokens: readonly Token[], floor: number, end: number, words: ReadonlySet<string>): boolean {
  for (let k = floor; k < end; k++) if (words.has(tokens[k].norm)) return true;
  return false;
}

/** "according to the UN", "…, police said": who gives the figure, as written. */
function sourceOf(tokens: readonly Token[], after: number, end: number): string | null {
  for (let k = after; k < end && k - after < SOURCE_REACH * 2; k++) {
    if (!SOURCE_CUES.has(tokens[k].norm) || tokens[k + 1]?.norm !== 'to') continue;
    const words: string[] = [];
    for (let n = k + 2; n < end && words.length < SOURCE_REACH; n++) {
      const t = tokens[n];
      if (t.kind === 'punct') break;
      words.push(t.text);
    }
    return words.length ? words.join(' ') : null;
  }
  return null;
}

/** Money's currency is part of its dimension: dollars are not compared with euros. */
export function dimensionKey(frame: ClaimFrame, unit: string | null): string {
  return frame.dimension === 'money' || frame.dimension === 'other' ? `${frame.dimension}:${unit ?? ''}` : frame.dimension;
}
