import type { Token } from '../text/tokenize';
import { PhraseTable } from './phrases';
import { isEventNoun } from './counted';

// The scope of a figure: what share of the story it covers. Two figures with the same words
// and different scopes are different figures: a strike's toll is not the running total "since
// the offensive began", "two of the victims" is not the number of victims, a projection is not
// a count. Each table below is a list of phrases a reader can extend; the figure's own clause
// is read, nothing beyond its sentence.
//
//   whole       the figure as the story's own count, nothing said of its span ("40 people were killed")
//   cumulative  a running total over a longer span ("more than 640 since the assault began")
//   incident    the toll of one incident its sentence names ("killed in the strike on the school")
//   separate    an incident apart from the story's main one ("in a separate air strike")
//   part        a part of a larger whole ("two of the victims", "the parents of two Americans")
//   estimate    a projection or a fear, not a count ("could kill up to 1,000")
// A figure that says nothing of its span may be either the running total or one incident's
// toll; the two that do say are never the same figure (see `compatibleScopes`).

export type Scope = 'whole' | 'cumulative' | 'incident' | 'separate' | 'part' | 'estimate';

/**
 * Scopes two figures may share: the same, or a figure that says nothing of its span with a
 * running total or an incident's toll. A separate incident is compared with nothing: two
 * articles' "separate" strikes are rarely the same one.
 */
export function compatibleScopes(a: Scope, b: Scope): boolean {
  if (a === 'separate' || b === 'separate') return false;
  if (a === b) return true;
  const other = a === 'whole' ? b : b === 'whole' ? a : null;
  return other === 'cumulative' || other === 'incident';
}

/** Nouns of one incident: a figure in a sentence that names one is that incident's toll. */
const INCIDENT_NOUNS = new Set([
  'strike', 'airstrike', 'air-strike', 'attack', 'bombing', 'blast', 'explosion', 'raid', 'shelling', 'crash', 'collision',
  'shooting', 'stampede', 'collapse', 'landslide', 'fire', 'ambush',
]);

/** Phrases anywhere in the sentence that make its figures a running total. */
const CUMULATIVE = new PhraseTable<true>(
  ['in total', 'in all', 'altogether', 'overall', 'cumulative', 'to date', 'so far', 'since the start', 'since the beginning', 'since the outbreak'].map((p) => [p, true]),
);
/** Long events: a toll "in the civil war" is the war's running total, not one incident's. */
const LONG_EVENTS = new Set(['war', 'wars', 'conflict', 'offensive', 'campaign', 'insurgency', 'uprising', 'occupation', 'invasion', 'intifada', 'crisis', 'epidemic', 'pandemic']);
/** After "since": the words that make it the start of a campaign rather than a date ("since the assault began"). */
const BEGIN_VERBS = new Set(['began', 'begun', 'begin', 'started', 'start', 'launched', 'erupted', 'broke', 'beginning', 'outbreak']);
const SINCE_REACH = 6;

/** Phrases before the figure, in its sentence, that set it in an incident apart from the story's. */
const INCIDENT = new PhraseTable<true>(
  [
    'in a separate', 'in separate', 'separately', 'in another', 'in an earlier', 'in a later', 'in an unrelated', 'in a similar',
    'elsewhere', 'a separate', 'another attack', 'another strike', 'another incident',
  ].map((p) => [p, true]),
);

/** Words before "of <figure>" that make the figure a part or a relation of the whole: "the parents of two". */
const PART_NOUNS = new Set([
  'parents', 'parent', 'families', 'family', 'relatives', 'relative', 'mother', 'father', 'mothers', 'fathers', 'widow',
  'widows', 'children', 'friends', 'one', 'two', 'three', 'some', 'most', 'many', 'none', 'each', 'either', 'neither',
  'both', 'half', 'all', 'any', 'several', 'few', 'majority', 'minority', 'rest', 'remainder',
]);
/** After the figure: "two of the victims", "30 of them". */
const PART_AFTER = new PhraseTable<true>(
  ['of them', 'of whom', 'of the', 'of those', 'of these', 'among them', 'among the'].map((p) => [p, true]),
);
/** Words that make a figure a projection when they stand before it in its clause. */
const ESTIMATE = new Set(['could', 'might', 'may', 'would', 'projected', 'forecast', 'predicted', 'feared', 'fears', 'expected', 'expects', 'threatens', 'risk']);
const CLAUSE_ENDS = new Set([';', ':', '.', '!', '?', '—', '–']);
const ESTIMATE_REACH = 6;

/** What a sentence says of the span of all its figures, read once per sentence. */
interface SentenceSpan {
  /** Where the first phrase of a separate incident starts ("in a separate air strike"), or Infinity. */
  separateFrom: number;
  /**
   * cumulativeBefore[k - floor]: the phrases of a running total ("so far", "since the conflict
   * began") that start before token k, counted; a figure's is its clause's.
   */
  cumulativeBefore: Int32Array;
  /** clauseOf[k - floor]: where the clause holding token k starts (after a comma, a dash, a bracket …). */
  clauseOf: Int32Array;
  /** clauseEnd[k - floor]: one past the last token of the clause holding token k (its mark, or the sentence's end). */
  clauseEnd: Int32Array;
  /** A running total named in an opening clause with no figure of its own ("So far, …") spans the sentence. */
  cumulativeOpening: boolean;
  incident: boolean;
  /** longBefore[k - floor]: the names of long events ("the war") before token k, counted; a figure's is its clause's. */
  longBefore: Int32Array;
}

/** Where a clause ends, for a running total's reach. */
const CLAUSE_MARKS = new Set([',', ';', '—', '–', '(', ')', ':']);

/**
 * The last sentence read: its figures are read one after another, and reading the sentence
 * again for each would make a sentence of thousands of figures (a pasted table) quadratic.
 */
let lastRead: { tokens: readonly Token[]; floor: number; end: number; span: SentenceSpan } | null = null;

function sentenceSpan(tokens: readonly Token[], floor: number, end: number): SentenceSpan {
  if (lastRead !== null && lastRead.tokens === tokens && lastRead.floor === floor && lastRead.end === end) return lastRead.span;
  const n = Math.max(0, end - floor);
  const span: SentenceSpan = {
    separateFrom: Infinity, cumulativeBefore: new Int32Array(n + 1), clauseOf: new Int32Array(n + 1), clauseEnd: new Int32Array(n + 1),
    cumulativeOpening: false, incident: false, longBefore: new Int32Array(n + 1),
  };
  let opening = true;
  let openingHasFigure = false;
  for (let k = floor; k < end; k++) {
    const t = tokens[k];
    const norm = t.norm;
    if (span.separateFrom === Infinity && INCIDENT.at(tokens, k, end) !== null) span.separateFrom = k;
    const cumulative = CUMULATIVE.at(tokens, k, end) !== null || (norm === 'since' && sinceBeginning(tokens, k + 1, end));
    span.cumulativeBefore[k + 1 - floor] = span.cumulativeBefore[k - floor] + (cumulative ? 1 : 0);
    span.clauseOf[k - floor] = k === floor ? floor : CLAUSE_MARKS.has(tokens[k - 1].text) ? k : span.clauseOf[k - 1 - floor];
    if (CLAUSE_MARKS.has(t.text)) {
      if (opening && span.cumulativeBefore[k - floor] > 0 && !openingHasFigure) span.cumulativeOpening = true;
      opening = false;
    }
    if (opening && t.kind === 'number') openingHasFigure = true;
    if (INCIDENT_NOUNS.has(norm)) span.incident = true;
    span.longBefore[k + 1 - floor] = span.longBefore[k - floor] + (LONG_EVENTS.has(norm) ? 1 : 0);
  }
  span.clauseEnd[n] = end;
  for (let k = end - 1; k >= floor; k--) span.clauseEnd[k - floor] = CLAUSE_MARKS.has(tokens[k].text) ? k : span.clauseEnd[k + 1 - floor];
  lastRead = { tokens, floor, end, span };
  return span;
}

/** A running total is named in the clause that holds tokens [first, last), or for the whole sentence. */
function cumulativeFor(span: SentenceSpan, first: number, last: number, floor: number, end: number): boolean {
  if (span.cumulativeOpening) return true;
  return inClause(span.cumulativeBefore, span, first, last, floor, end);
}

/** Some of the words `before` counts are in the clause that holds tokens [first, last). */
function inClause(before: Int32Array, span: SentenceSpan, first: number, last: number, floor: number, end: number): boolean {
  // Worked out once per sentence: a sentence of thousands of figures ("between 0 to 1 to 2 …") is one clause.
  const start = span.clauseOf[first - floor];
  const stop = Math.max(last, span.clauseEnd[Math.min(last, end) - floor]);
  return before[Math.min(stop, end) - floor] - before[start - floor] > 0;
}

/** The scope of the figure at tokens [first, last) in the sentence [floor, end). */
export function scopeOf(tokens: readonly Token[], first: number, last: number, floor: number, end: number): Scope {
  if (isPart(tokens, first, last, floor, end)) return 'part';
  const span = sentenceSpan(tokens, floor, end);
  if (span.separateFrom < first) return 'separate';
  if (cumulativeFor(span, first, last, floor, end)) return 'cumulative';
  for (let k = first - 1; k >= floor && first - k <= ESTIMATE_REACH; k--) {
    if (CLAUSE_ENDS.has(tokens[k].text)) break;
    // "May" with a capital is the month.
    if (ESTIMATE.has(tokens[k].norm) && !(tokens[k].cap && k > floor)) return 'estimate';
  }
  // One incident named in the sentence wins over the war it happened in.
  if (span.incident) return 'incident';
  // "40 killed in the war": the war's running total; "43 killed in the school, pushing the toll
  // since the conflict began above 680": the war is another clause's.
  return inClause(span.longBefore, span, first, last, floor, end) ? 'cumulative' : 'whole';
}

function sinceBeginning(tokens: readonly Token[], from: number, end: number): boolean {
  for (let k = from; k < end && k - from < SINCE_REACH; k++) {
    const norm = tokens[k].norm;
    if (BEGIN_VERBS.has(norm) || isEventNoun(norm)) return true;
    if (tokens[k].kind === 'number' || CLAUSE_ENDS.has(tokens[k].text) || tokens[k].text === ',') return false;
  }
  return false;
}

/** "two of the victims", "the parents of two Americans", "30 of them". */
function isPart(tokens: readonly Token[], first: number, last: number, floor: number, end: number): boolean {
  if (last < end && PART_AFTER.at(tokens, last, end) !== null) return true;
  const of = first - 1;
  if (of - 1 < floor || tokens[of].norm !== 'of') return false;
  let k = of - 1;
  return PART_NOUNS.has(tokens[k].norm) || (tokens[k].norm === 'the' && --k >= floor && PART_NOUNS.has(tokens[k].norm));
}
