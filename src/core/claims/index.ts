import type { ParsedDocument, Sentence } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { Claim } from './types';
import { draftsOf, type Draft } from './drafts';
import { MONEY_UNITS } from './units';
import { isPersonNoun } from './counted';
import { HUMAN_MEASURES, THING_MEASURES, measureAfter, measureBefore, measureWithin, tollBefore } from './measures';
import { isChange, perItemReader } from './nonComparable';
import { contextOf, eventPlaceBefore, placeAfter, placeBefore, whenOf } from './context';
import { countryOfDemonym } from './places';
import { isQuoteMark } from './phrases';
import { frameOf } from './frame';
import { reportedAt } from '../text/dateline';

export type { Claim, Hedge, NotComparable } from './types';
export type { ClaimFrame, Dimension, Scope } from './frame';
export { countedKey } from './counted';

// Numeric claims of one document. Each sentence is read in two passes: numbers are read with
// their range, hedge and unit into drafts (drafts.ts); then each draft gets what it counts,
// its measure, place, time and context. Drafts come first so that coordinated claims ("40,000
// civilians and 100,000 soldiers have been killed") can share the measure after the last one.

export function findClaims(doc: ParsedDocument): Claim[] {
  const claims: Claim[] = [];
  const sentences = sentencesOf(doc);
  const lead = leadContext(doc, sentences);
  const contexts = sentences.map((s) => contextOf(doc.tokens, s));
  // One array for all of the article's claims: a cache stores it once (v8 keeps shared references).
  const places = placesOf(contexts);
  const reported = reportedAt(doc.text);
  for (const [i, s] of sentences.entries()) {
    const drafts = draftsOf(doc, s);
    if (drafts.length === 0) continue;
    const context = contexts[i];
    const when = whenOf(doc.tokens, doc.text, s);
    const lookups = sentenceLookups(doc.tokens, s, drafts);
    const found = drafts.map((d) => complete(doc, s, d, lookups, when(d.first, d.last), context, { lead, places, reported }));
    found.forEach((c, i) => {
      if (i > 0 && isConversion(doc, found[i - 1], c)) c.frame = { ...c.frame, what: found[i - 1].frame.what, qualifiers: found[i - 1].frame.qualifiers, event: found[i - 1].frame.event, scope: found[i - 1].frame.scope, person: found[i - 1].frame.person };
      claims.push(c);
    });
  }
  return claims;
}

/**
 * "a depth of 10 kilometres (6 miles)": a figure in brackets right after another of the same
 * dimension is that figure in other units, and measures what it measures.
 */
function isConversion(doc: ParsedDocument, before: Claim, c: Claim): boolean {
  if (before.frame.dimension !== c.frame.dimension || before.unit === c.unit || c.frame.dimension === 'count') return false;
  const between = doc.text.slice(before.end, c.start).trim();
  return between === '(' || between === ', or' || between === 'or';
}

/** Every place the article names, the most named first: what the workspace compares articles by (compare.ts). */
function placesOf(contexts: readonly string[][]): string[] {
  const counts = new Map<string, number>();
  for (const c of contexts) for (const p of c) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([p]) => p);
}

/** Sentences of the headline and lead, whose places every figure of the article shares. */
const LEAD_SENTENCES = 3;

/**
 * The places an article's headline and lead name: what it is about. A figure's own sentence
 * often names no place ("The quake struck at a depth of 10 km"), yet it belongs to the story
 * its article tells, and two articles that open on the same place tell the same story.
 */
function leadContext(doc: ParsedDocument, sentences: readonly Sentence[]): string[] {
  const found = new Set<string>();
  for (const s of sentences.slice(0, LEAD_SENTENCES)) for (const p of contextOf(doc.tokens, { ...s, first: afterDateline(doc, s) })) found.add(p);
  return [...found];
}

/**
 * Where a sentence starts once a dateline is passed over: "WASHINGTON (Reuters) -", "KYIV,
 * Ukraine —". A dateline says where the reporter files from, not what the story is about: an
 * archive's articles from Washington tell a thousand stories.
 */
function afterDateline(doc: ParsedDocument, s: Sentence): number {
  const { tokens } = doc;
  const limit = Math.min(s.last, s.first + DATELINE_REACH);
  for (let k = s.first; k < limit; k++) {
    const t = tokens[k];
    if (t.text === '-' || t.text === '—' || t.text === '–') return tokens[s.first].text === tokens[s.first].text.toUpperCase() ? k + 1 : s.first;
  }
  return s.first;
}

/** Tokens a dateline may take before its dash: "WASHINGTON (Reuters) -", "NEW YORK, N.Y. (AP) —". */
const DATELINE_REACH = 10;

/** The document's sentences, joined again where the splitter cut inside a number ("RM23.50", "minus-1.4", ".001"). */
function sentencesOf(doc: ParsedDocument): Sentence[] {
  const { tokens } = doc;
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    const prev = out[out.length - 1];
    const k = s.first;
    const cut = prev !== undefined && prev.last === k && k >= 1 && tokens[k - 1].text === '.' && tokens[k - 1].end === tokens[k].start && tokens[k].kind === 'number';
    if (cut) out[out.length - 1] = { ...prev, last: s.last };
    else out.push(s);
  }
  return out;
}

/**
 * What each figure of a sentence looks up in the rest of it, read once per sentence: a sentence
 * of thousands of figures ("between 0 to 1 to 2 …", a pasted table) read it again for each.
 */
interface SentenceLookups {
  /** The draft starting at token k, if any. */
  draftAt: Map<number, Draft>;
  /** The last question mark of the sentence, or -1. */
  lastQuestion: number;
  perItem: (k: number) => boolean;
}

function sentenceLookups(tokens: readonly Token[], s: Sentence, drafts: readonly Draft[]): SentenceLookups {
  const draftAt = new Map<number, Draft>();
  for (const d of drafts) if (!draftAt.has(d.first)) draftAt.set(d.first, d);
  let lastQuestion = -1;
  for (let k = s.first; k < s.last; k++) if (tokens[k].text === '?') lastQuestion = k;
  return { draftAt, lastQuestion, perItem: perItemReader(tokens, s.first, s.last) };
}

/** The second pass: what a draft counts, its measure, place, time and context, and whether it is compared. */
function complete(doc: ParsedDocument, s: Sentence, d: Draft, lookups: SentenceLookups, when: string | null, sentenceContext: string[], article: { lead: string[]; places: string[]; reported: number | null }): Claim {
  const { tokens, text } = doc;
  const end = s.last;
  const np = d.counted;
  const after = np ? np.last : d.last;
  const skipClaim = (k: number) => {
    while (k < end && isQuoteMark(tokens[k])) k++;
    // "0 Or" ends the text: there is no token at k.
    if (k >= end) return -1;
    const other = lookups.draftAt.get(k) ?? (isQuoteMark(tokens[k]) ? lookups.draftAt.get(k + 1) : undefined);
    return other ? (other.counted ? other.counted.last : other.last) : -1;
  };

  let measure = d.measure;
  let counted = d.countedText;
  let countedHead: string | null = d.countedText;
  let humanInside = false;
  if (np !== null) {
    const inside = measure === null ? measureWithin(tokens, np.first, np.last) : null;
    if (inside !== null) measure = inside.value;
    humanInside = inside !== null && HUMAN_MEASURES.has(inside.value);
    const pieces: string[] = [];
    const words: Token[] = [];
    for (const [a, b] of inside ? [[np.first, inside.first], [inside.last, np.last]] : [[np.first, np.last]]) {
      if (b > a) pieces.push(text.slice(tokens[a].start, tokens[b - 1].end));
      for (let k = a; k < b; k++) words.push(tokens[k]);
    }
    counted = pieces.length ? pieces.join(' ') : null;
    countedHead = words.length ? words[words.length - 1].norm : null;
  }
  measure = measure ?? measureBefore(tokens, d.first, s.first)?.value ?? measureAfter(tokens, after, end, skipClaim)?.value ?? tollBefore(tokens, d.first, s.first)?.value ?? null;

  // "Four bombs were dropped": what happened to a thing; "the quake hit 24 people", "hit 5%": nothing said.
  if (measure !== null && THING_MEASURES.has(measure) && (d.unit !== null || countedHead === null || isPersonNoun(countedHead) || humanInside)) measure = null;
  let unit = d.unit;
  const human = measure !== null && HUMAN_MEASURES.has(measure);
  if (unit === null && ((countedHead !== null && isPersonNoun(countedHead)) || humanInside || (countedHead === null && human))) unit = 'people';

  let notComparable = d.notComparable;
  const money = unit !== null && MONEY_UNITS.has(unit.split(' ')[0]);
  if (notComparable === null && isChange(tokens, d.first, d.last, after, s.first, unit, money, counted !== null)) notComparable = 'change';
  // "dozens", "hundreds": compared when whose figure it is is said, but only to agree (see compare.ts).
  if (notComparable === null && d.share && counted === null) notComparable = 'share';
  // A question mark after the claim in its sentence: the figure is asked about, not asserted.
  if (notComparable === null && lookups.lastQuestion >= d.last) notComparable = 'question';
  if (notComparable === null && lookups.perItem(after)) notComparable = 'per-item';
  if (notComparable === null && isThreshold(tokens, d.first, s.first)) notComparable = 'threshold';

  // A hedge quoted on its own ("well over" 100,000) keeps its opening mark.
  const first = d.first - 1 >= s.first && isQuoteMark(tokens[d.first - 1]) && quoteMarkWithin(tokens, d.first, d.last) ? d.first - 1 : d.first;
  // The place of the event a toll is of ("bombing the area of Guffa, killing seven"), unless it is
  // the ground of the whole story, which the article's lead names ("strikes the province of Aceh, killing three").
  const eventPlace = () => {
    const found = eventPlaceBefore(tokens, d.first, s.first);
    return found !== null && !article.lead.includes(found) ? found : null;
  };
  const place = placeBefore(tokens, d.first, s.first) ?? placeAfter(tokens, after, end, skipClaim, countedHead !== null && ORIGIN_PEOPLE.has(countedHead)) ?? eventPlace();
  const context = new Set(sentenceContext);
  if (place !== null) context.add(place);
  const people = counted?.split(/\s+/).map((w) => countryOfDemonym(w.toLowerCase())).find((c) => c !== null);
  if (people) context.add(people);

  const start = tokens[first].start;
  const stop = tokens[d.last - 1].end;
  const frame = frameOf({ tokens, first: d.first, last: d.last, value: d.value, after, floor: s.first, end, unit, counted, countedText: d.countedText, measure, story: article.lead, places: article.places, reported: article.reported });
  if (frame.dimension === 'magnitude') unit = 'magnitude';
  return {
    start,
    end: stop,
    text: text.slice(start, stop),
    value: d.value,
    low: d.low,
    high: d.high,
    hedge: d.hedge,
    unit,
    counted,
    measure,
    place,
    when,
    context: [...context],
    comparable: notComparable === null,
    notComparable,
    frame,
  };
}

function quoteMarkWithin(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (isQuoteMark(tokens[k])) return true;
  return false;
}

/**
 * "54 aftershocks stronger than five on the Richter scale", "people older than 65": a figure
 * after a comparative that follows a plural noun bounds what that noun counts; it is no
 * measure of the story's own.
 */
function isThreshold(tokens: readonly Token[], first: number, floor: number): boolean {
  if (first - 3 < floor || tokens[first - 1].norm !== 'than') return false;
  const comparative = tokens[first - 2].norm;
  const noun = tokens[first - 3];
  return /[a-z]{3}er$/.test(comparative) && (wordFlags(comparative) & W.Adjective) !== 0 && noun.kind === 'word' && (/[a-z]s$/.test(noun.norm) || IRREGULAR_PLURALS.has(noun.norm)) && (wordFlags(noun.norm) & W.Verb) === 0;
}

/** People named by where they come from: "refugees from the Nuba Mountains" are not counted there (troops withdrawn "from Kherson" are). */
const ORIGIN_PEOPLE = new Set(['refugees', 'refugee', 'migrants', 'immigrants', 'evacuees', 'pilgrims', 'tourists', 'visitors', 'exiles']);

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'staff', 'cattle']);
