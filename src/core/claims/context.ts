import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { Sentence } from '../document';
import { PhraseTable } from './phrases';
import { Tag, tagsOf } from './tags';
import { countryOfDemonym, knownAlias, placeName } from './places';
import { readNumber } from './numbers';
import { isYear } from './nonComparable';

// Where and when a claim holds. Two figures for different places ("20,000 troops in
// Kherson", "300,000 troops in Ukraine") or different times (a First World War death toll, a
// 2022 budget) are not the same figure, however alike their words.

const PLACE_PREPOSITIONS = new Set(['in', 'from', 'across', 'throughout', 'inside', 'within', 'into', 'out']);
/** Before an unknown capitalised word, these make it a place of the sentence's context ("the city of Mariupol"). */
const CONTEXT_PREPOSITIONS = new Set([...PLACE_PREPOSITIONS, 'of', 'near', 'around', 'outside', 'at']);
/** "the Ukrainian city of Kherson": the place is the name after "of". */
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'region', 'province', 'oblast', 'state', 'capital', 'port', 'district', 'county', 'area', 'republic']);
const CLAUSE_ENDS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '—', '–']);
const PLACE_REACH = 14;
const MAX_NAME_WORDS = 3;
/** Capitalised words that are not places: people, organisations, titles. */
const NOT_PLACE = W.FirstName | W.LastName | W.Organization | W.OrgHead | W.Honorific | W.Title | W.Pronoun | W.Determiner | W.Time;
/** Words that start another clause, whose places are not the claim's. */
const CLAUSE_STARTS = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'while', 'whereas', 'where', 'when', 'as', 'because']);

/**
 * A place named after the claim in its clause: "troops in Kherson", "killed in the war in
 * Ukraine". `skipClaim(k)` gives the end of another claim starting at k ("40,000 civilians and
 * 100,000 soldiers … in Ukraine" share the place). `origin`: what is counted is people named by
 * where they come from, so "from" names no place of theirs.
 */
export function placeAfter(tokens: readonly Token[], i: number, end: number, skipClaim: (k: number) => number, origin = false): string | null {
  for (let k = i; k < end && k - i < PLACE_REACH; k++) {
    const t = tokens[k];
    if (CLAUSE_ENDS.has(t.text)) return null;
    if (CLAUSE_STARTS.has(t.norm)) {
      const claimEnd = t.norm === 'and' || t.norm === 'or' ? skipClaim(k + 1) : -1;
      if (claimEnd >= 0) {
        k = claimEnd - 1;
        continue;
      }
      // "killed or wounded in Ukraine" goes on; "… and that the front lines …" is another clause.
      if (!((t.norm === 'and' || t.norm === 'or') && k + 1 < end && !startsClause(tokens[k + 1]))) return null;
    }
    // "20,000 refugees from the Nuba mountains": where they come from is not where they are counted.
    if (!PLACE_PREPOSITIONS.has(t.norm) || (origin && t.norm === 'from')) continue;
    let n = k + 1;
    if (t.norm === 'out' && tokens[n]?.norm === 'of') n++;
    if (n < end && tokens[n].norm === 'the') n++;
    // "the Ukrainian city of Kherson", "the city of Kherson".
    if (n < end && (tagsOf(tokens[n].norm) & Tag.Demonym) !== 0 && PLACE_NOUNS.has(tokens[n + 1]?.norm ?? '')) n++;
    if (n + 1 < end && PLACE_NOUNS.has(tokens[n].norm) && tokens[n + 1].norm === 'of') n += 2;
    const name = placeNameAt(tokens, n, end);
    if (name !== null) return name;
  }
  return null;
}

/** A place owning the claim: "Ukraine's more than eight-month war". */
export function placeBefore(tokens: readonly Token[], first: number, floor: number): string | null {
  if (first - 2 < floor || tokens[first - 1].norm !== "'s") return null;
  let k = first - 2;
  while (k - 1 >= floor && tokens[k - 1].cap && tokens[k - 1].kind === 'word' && first - 1 - k < MAX_NAME_WORDS) k--;
  return placeNameAt(tokens, k, first - 1);
}

/** Participles that give an event's toll after a comma: "…, killing at least seven people". */
const TOLL_PARTICIPLES = new Set(['killing', 'injuring', 'wounding', 'leaving']);
const EVENT_PLACE_REACH = 14;

/**
 * The place of the event whose toll a participle gives: "bombing the area of Guffa in recent
 * days, killing at least seven people", "a strike on a school in Jabaliya, killing 40". The
 * nearest place after "in", "of" or "at" in the clause before the comma.
 */
export function eventPlaceBefore(tokens: readonly Token[], first: number, floor: number): string | null {
  if (first - 2 < floor || !TOLL_PARTICIPLES.has(tokens[first - 1].norm) || tokens[first - 2].text !== ',') return null;
  for (let k = first - 3; k >= floor && first - k <= EVENT_PLACE_REACH; k--) {
    const t = tokens[k];
    if (t.text === ';' || t.text === ':' || t.kind === 'number') return null;
    if (t.norm !== 'in' && t.norm !== 'of' && t.norm !== 'at') continue;
    let n = k + 1;
    if (tokens[n]?.norm === 'the') n++;
    const name = placeNameAt(tokens, n, first - 2);
    if (name !== null) return name;
  }
  return null;
}

function startsClause(t: Token): boolean {
  return t.cap || CLAUSE_STARTS.has(t.norm) || (wordFlags(t.norm) & (W.Determiner | W.Pronoun)) !== 0;
}

function placeNameAt(tokens: readonly Token[], n: number, end: number): string | null {
  if (n >= end || !tokens[n].cap || tokens[n].kind !== 'word') return null;
  const head = tokens[n].norm;
  const tags = tagsOf(head);
  const known = (tags & (Tag.Country | Tag.Locality)) !== 0 || (wordFlags(head) & W.Place) !== 0;
  if (!known && ((wordFlags(head) & NOT_PLACE) !== 0 || (tags & (Tag.Month | Tag.WeekDay | Tag.Demonym)) !== 0)) return null;
  let k = n + 1;
  while (k < end && k - n < MAX_NAME_WORDS && tokens[k].cap && tokens[k].kind === 'word') k++;
  // "the Democratic Party", "the Red Army": a name that ends in an organisation's head is no place.
  if (k - 1 > n && (wordFlags(tokens[k - 1].norm) & W.OrgHead) !== 0 && !known) return null;
  return placeName(tokens.slice(n, k).map((t) => t.norm).join(' '));
}

/**
 * The places and peoples a sentence names: countries, cities and regions compromise knows,
 * demonyms as their country ("Russian" → "russia"), and unknown capitalised words after "in",
 * "from" or "of" ("in Kherson"). Person names are left out on purpose: "Trump said" ties
 * together figures from unrelated stories.
 */
export function contextOf(tokens: readonly Token[], s: Sentence): string[] {
  const found = new Set<string>();
  for (let k = s.first; k < s.last; k++) {
    const t = tokens[k];
    if (!t.cap || t.kind !== 'word') continue;
    const tags = tagsOf(t.norm);
    const alias = knownAlias(t.norm);
    if (alias !== null) found.add(alias);
    else if ((tags & Tag.Demonym) !== 0) found.add(countryOfDemonym(t.norm) ?? t.norm.replace(/s$/, ''));
    else if ((tags & (Tag.Country | Tag.Locality)) !== 0) found.add(placeName(t.norm));
    else if (k > s.first && CONTEXT_PREPOSITIONS.has(tokens[k - 1].norm) && (wordFlags(t.norm) & NOT_PLACE) === 0) found.add(placeName(t.norm));
    // "Indonesia's Aceh province", "Bener Meriah district": a name before a word for a place.
    else if (k + 1 < s.last && PLACE_NOUNS.has(tokens[k + 1].norm) && !tokens[k + 1].cap && (wordFlags(t.norm) & NOT_PLACE) === 0) found.add(placeName(t.norm));
  }
  return [...found];
}

/** Eras named in words; a figure in a sentence about one of them belongs to it. */
const ERAS = new PhraseTable<string>([
  ['world war i', 'world war i'], ['world war one', 'world war i'], ['world war 1', 'world war i'],
  ['first world war', 'world war i'], ['wwi', 'world war i'], ['ww1', 'world war i'], ['great war', 'world war i'],
  ['world war ii', 'world war ii'], ['world war two', 'world war ii'], ['world war 2', 'world war ii'],
  ['second world war', 'world war ii'], ['wwii', 'world war ii'], ['ww2', 'world war ii'],
  ['cold war', 'cold war'], ['great depression', 'great depression'], ['vietnam war', 'vietnam war'],
  ['korean war', 'korean war'], ['gulf war', 'gulf war'], ['iraq war', 'iraq war'],
  ['last year', 'last year'], ['next year', 'next year'], ['a year ago', 'last year'], ['a year earlier', 'last year'],
  ['the previous year', 'last year'], ['the year before', 'last year'],
]);
/** Words that make a year the time of a figure: "in 2019", "by 1918", "December 1914" (not "of": "the tsunami of 2004" is the tsunami's year). */
const YEAR_PREPOSITIONS = new Set(['in', 'by', 'during', 'for', 'until', 'through', 'throughout', 'from', 'since', 'between', 'after', 'before']);

/** Words after a time span that put a sentence in the past: "four years ago". */
const AGO = new Set(['ago', 'earlier']);

/**
 * The era or year a figure is set in, or null: "in 2004", "last year", "four years ago", "on
 * Oct. 10, 2002". (A month alone is left out: "the war, which began on February 24" dates the
 * war, not the figure.) A story's own figures rarely carry one; a figure of an earlier event in
 * the same article ("In April last year an 8.6-magnitude quake struck …") nearly always does,
 * so figures of different times are never the same figure. The time is read in the figure's
 * own clause and in a phrase that opens the sentence ("In 2004, a magnitude 9.1 quake …"), not
 * in a clause that tells of something else ("the 6.1-magnitude quake rocked a region, which
 * the tsunami of 2004 devastated"); a year that qualifies a noun ("the 2004 tsunami") names
 * another event, not the figure's time. Returns a reader of one sentence's figures' times.
 */
export function whenOf(tokens: readonly Token[], text: string, s: Sentence): (first: number, last: number) => string | null {
  // Read once per sentence, not once per figure: a sentence of thousands of figures ("between 0
  // to 1 to 2 …", a pasted table) walked its clause and read its time again for each.
  const isBoundary = (k: number) => CLAUSE_BOUNDARIES.has(tokens[k].text) || CLAUSE_BOUNDARIES.has(tokens[k].norm);
  const n = s.last - s.first;
  /** clauseStart[k - s.first]: where the clause holding token k starts (after the boundary before it). */
  const clauseStart = new Int32Array(n + 1);
  for (let k = s.first; k <= s.last; k++) clauseStart[k - s.first] = k === s.first ? k : isBoundary(k - 1) ? k : clauseStart[k - 1 - s.first];
  /** clauseEnd[k - s.first]: the first boundary at or after token k, or the sentence's end. */
  const clauseEnd = new Int32Array(n + 1);
  clauseEnd[n] = s.last;
  for (let k = s.last - 1; k >= s.first; k--) clauseEnd[k - s.first] = isBoundary(k) ? k : clauseEnd[k + 1 - s.first];
  const fronted = n > 0 && FRONTED.has(tokens[s.first].norm);
  let firstComma = s.first;
  while (firstComma < s.last && tokens[firstComma].text !== ',') firstComma++;
  const read = new Map<number, string | null>();
  const when = (from: number, to: number) => {
    const key = from * (n + 2) + (to - s.first);
    if (!read.has(key)) read.set(key, whenIn(tokens, text, s, from, to));
    return read.get(key) as string | null;
  };
  return (first, last) => {
    const from = clauseStart[first - s.first];
    const to = clauseEnd[last - s.first];
    const opening = from > s.first && fronted ? Math.min(firstComma, from) : s.first;
    return when(s.first, opening) ?? when(from, to);
  };
}

/** Where a clause ends: what lies beyond tells of something else. */
const CLAUSE_BOUNDARIES = new Set([',', ';', '—', '–', '(', ')', ':', 'as', 'which', 'that', 'who', 'whose', 'while', 'where', 'when', 'after', 'before', 'since']);
/** Words that open a sentence with a phrase of time: "In 2004, …", "Last year, …". */
const FRONTED = new Set(['in', 'on', 'during', 'last', 'by', 'since', 'back', 'until', 'over', 'throughout', 'at', 'from', 'after', 'before', 'between', 'early', 'late', 'earlier']);

function whenIn(tokens: readonly Token[], text: string, s: Sentence, from: number, to: number): string | null {
  let year: string | null = null;
  for (let k = from; k < to; k++) {
    const era = ERAS.at(tokens, k, s.last);
    if (era) return era.value;
    const t = tokens[k];
    if (k + 1 < s.last && AGO.has(tokens[k + 1].norm) && TIME_SPANS.has(t.norm) && k > s.first) {
      return `${tokens[k - 1].norm} ${t.norm} ago`;
    }
    if (year === null && t.kind === 'number' && k > s.first) {
      const prev = tokens[k - 1];
      const datePart = prev.text === ',' && tokens[k - 2]?.kind === 'number';
      if (!YEAR_PREPOSITIONS.has(prev.norm) && (tagsOf(prev.norm) & Tag.Month) === 0 && !datePart) continue;
      const r = readNumber(tokens, text, k, s.first, s.last);
      if (r && isYear(tokens, r, s.last) && !qualifiesNoun(tokens[r.last], r.last < s.last)) year = r.integer;
    }
  }
  return year;
}

const TIME_SPANS = new Set(['years', 'year', 'months', 'month', 'weeks', 'week', 'decades', 'decade']);

/** "the 2004 tsunami": a lower-case noun right after the year. */
function qualifiesNoun(next: Token | undefined, inside: boolean): boolean {
  const notNoun = W.Preposition | W.Conjunction | W.Verb | W.Auxiliary | W.Determiner | W.Pronoun | W.Adverb;
  return inside && next !== undefined && next.kind === 'word' && !next.cap && (wordFlags(next.norm) & notNoun) === 0;
}
