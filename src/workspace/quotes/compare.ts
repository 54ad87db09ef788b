import { align, cellsOf, SOFT, stemCount, STRICT, type Alignment } from './align';
import type { QuoteWords } from './words';

// Whether two quotes in different files are versions of one remark, and how they relate:
//   verbatim            the same words;
//   part-of             one is a part of the other (or each leaves out, at a mark of
//                       elision, what the other has);
//   worded-differently  the same remark in other words: a word changed, added or dropped.
// Precision first, as with figures: a common phrase in two quotes ("political solution") is
// not a version of anything; short quotes link only when contained word for word in the
// other; quotes that differ link only when most of the shorter one's content words align.

export type QuoteRelation = 'verbatim' | 'part-of' | 'worded-differently';

export interface QuoteComparison {
  relation: QuoteRelation;
  /** The words of A and of B that the other version has not (changed, added or dropped), by index. */
  differentInA: number[];
  differentInB: number[];
  alignment: Alignment;
}

/** A quote this short links only when the other contains it word for word. */
export const SHORT_QUOTE = 5;
/** Two versions that differ share at least this many content words… */
export const MIN_SHARED_CONTENT = 3;
/** …and at least this share of the shorter version's content words. */
export const MIN_CONTENT_SHARE = 0.6;

/** …or at least this share of all its words. */
export const NEARLY_ALL = 0.8;
/** Two quotes that overlap at their ends share at least this share of the shorter one's words. */
export const OVERLAP_SHARE = 0.5;
/** Reported speech links to a quotation whose words it follows for at least this share of them. */
export const MIN_REPORTED_SHARE = 0.4;

/**
 * Compares two quotes. `aIsReported` / `bIsReported`: the quote is reported speech, whose
 * sentence runs on around the remark; its words before and after the aligned part are its
 * writer's, never a difference. Returns null when they are not versions of one remark.
 */
export function compareQuotes(A: QuoteWords, B: QuoteWords, aIsReported = false, bIsReported = false): QuoteComparison | null {
  if (!mayLink(A, B, aIsReported || bIsReported)) return null;
  const found = judge(A, B, aIsReported, bIsReported, STRICT);
  if (found?.relation !== 'worded-differently') return found;
  // Whether they are versions is judged strictly (softer alignments link unrelated remarks
  // that share a phrase); which words differ is shown from a softer alignment, which runs
  // through a few changed words ("they're doing it" / "they are doing this") where the strict
  // one stops and counts everything before as different.
  const shown = judge(A, B, aIsReported, bIsReported, SOFT);
  return shown?.relation === 'worded-differently' ? { ...found, differentInA: shown.differentInA, differentInB: shown.differentInB } : found;
}

function judge(A: QuoteWords, B: QuoteWords, aIsReported: boolean, bIsReported: boolean, penalty: number): QuoteComparison | null {
  // The same words, as wire copy reprinted gives them: no alignment needed.
  if (!aIsReported && !bIsReported && identical(A, B)) {
    const steps = A.words.map((_, i) => ({ op: 'same' as const, a: i, b: i }));
    const content = A.words.filter((w) => w.content).length;
    if (content < 2 && A.words.length < SHORT_QUOTE) return null;
    if (content < 1) return null;
    return { relation: 'verbatim', differentInA: [], differentInB: [], alignment: { steps, aStart: 0, aEnd: A.words.length, bStart: 0, bEnd: B.words.length } };
  }
  const alignment = align(A, B, penalty);
  if (!alignment) return null;
  const a = A.words;
  const b = B.words;
  const differentInA: number[] = [];
  const differentInB: number[] = [];
  let same = 0;
  let sameContent = 0;
  let freeSkips = 0;
  for (const s of alignment.steps) {
    if (s.op === 'same') {
      same++;
      if (a[s.a].content) sameContent++;
      // Aligned by stem, but "negotiation" is not "negotiations".
      if (a[s.a].surface !== b[s.b].surface) differentInA.push(s.a), differentInB.push(s.b);
    } else if (s.op === 'other') differentInA.push(s.a), differentInB.push(s.b);
    else if (s.free) freeSkips++;
    else if (s.op === 'onlyA') differentInA.push(s.a);
    else differentInB.push(s.b);
  }
  const { aStart, aEnd, bStart, bEnd } = alignment;
  // Words before (after) the aligned part in both versions: each begins (ends) the remark its
  // own way, unless one marks an elision there or is a reported-speech sentence.
  const leadA = aStart > 0;
  const leadB = bStart > 0;
  const trailA = aEnd < a.length;
  const trailB = bEnd < b.length;
  const reported = aIsReported || bIsReported;
  if (leadA && leadB) edge(!a[aStart]?.gapBefore && !b[bStart]?.gapBefore, range(0, aStart), range(0, bStart), true);
  if (trailA && trailB) edge(!a[aEnd]?.gapBefore && !b[bEnd]?.gapBefore, range(aEnd, a.length), range(bEnd, b.length), false);
  /**
   * Words before (after) the aligned part in both versions: each begins (ends) the remark its
   * own way, unless one marks an elision there. Reported speech runs on with its writer's
   * words around the remark; there only a word or two the quotation has in place of the
   * report's next words is a difference ("for negotiation", "for trading").
   */
  function edge(unmarked: boolean, restA: number[], restB: number[], leading: boolean): void {
    if (!unmarked) return;
    if (!reported) {
      // The words both begin (end) with still align: "There has been a tremendous", "There was tremendous".
      const kept = commonWords(restA.map((i) => a[i].surface), restB.map((j) => b[j].surface));
      differentInA.push(...restA.filter((_, k) => !kept.a.has(k)));
      differentInB.push(...restB.filter((_, k) => !kept.b.has(k)));
      return;
    }
    const [quoted, report, quotedDiff, reportDiff] = aIsReported ? [restB, restA, differentInB, differentInA] : [restA, restB, differentInA, differentInB];
    if (quoted.length > 2) return;
    // The report's words next to the aligned part, as many as the quotation has left.
    const near = leading ? report.slice(-quoted.length) : report.slice(0, quoted.length);
    quotedDiff.push(...quoted);
    reportDiff.push(...near);
  }
  /**
   * The content words of the quotation's rest before (after) the aligned part that the report's
   * words there have too, in any order: the report's as many words next to the aligned part as
   * twice the quotation's rest (further words are the writer's own sentence).
   */
  function reordered(leading: boolean): number {
    const [quotedWords, reportWords, quotedAt, reportAt] = aIsReported ? [b, a, leading ? [0, bStart] : [bEnd, b.length], leading ? [0, aStart] : [aEnd, a.length]] : [a, b, leading ? [0, aStart] : [aEnd, a.length], leading ? [0, bStart] : [bEnd, b.length]];
    const quoted = quotedWords.slice(quotedAt[0], quotedAt[1]);
    const reach = 2 * quoted.length;
    const report = leading ? reportWords.slice(Math.max(reportAt[0], reportAt[1] - reach), reportAt[1]) : reportWords.slice(reportAt[0], Math.min(reportAt[1], reportAt[0] + reach));
    const left = new Map<string, number>();
    for (const w of report) if (w.content) left.set(w.stem, (left.get(w.stem) ?? 0) + 1);
    let found = 0;
    for (const w of quoted) {
      const n = w.content ? (left.get(w.stem) ?? 0) : 0;
      if (n > 0) left.set(w.stem, n - 1), found++;
    }
    return found;
  }
  // The version compared in whole: the shorter one, or the quotation in marks when the other is reported speech.
  const whole = aIsReported && !bIsReported ? B : bIsReported && !aIsReported ? A : a.length <= b.length ? A : B;
  const wholeIsA = whole === A;
  const wholeContent = whole.words.filter((w) => w.content).length;
  const wholeLeft = wholeIsA ? leadA || trailA : leadB || trailB;
  const differs = differentInA.length + differentInB.length > 0;
  // Reported speech shares a phrase or two with many remarks: it links only when it follows a whole stretch of one.
  if (reported && same < SHORT_QUOTE) return null;
  if (!differs) {
    // Contained word for word. A short quote must be contained whole; a longer one may
    // overlap the other's end (two excerpts of one remark).
    if (sameContent < 1) return null;
    if (same < SHORT_QUOTE && (wholeLeft || sameContent < 2)) return null;
    // Two quotes that share words where one ends and the other begins ("… the president of the
    // United States" and "the president of the United States has …") are two remarks unless
    // the shared words are most of the shorter one.
    if (wholeLeft && same < OVERLAP_SHARE * whole.words.length) return null;
    const verbatim = !leadA && !leadB && !trailA && !trailB && freeSkips === 0;
    return { relation: verbatim ? 'verbatim' : 'part-of', differentInA, differentInB, alignment };
  }
  if (whole.words.length < SHORT_QUOTE) return null;
  // Most content words in common; or, in a quote with few of them ("ready to talk, but not at
  // any price"), all but a word or two of its words.
  const mostContent = sameContent >= MIN_SHARED_CONTENT && sameContent >= MIN_CONTENT_SHARE * wholeContent;
  const nearlyAll = sameContent >= 2 && same >= NEARLY_ALL * whole.words.length;
  if (!mostContent && !nearlyAll) return null;
  // Reported speech shares words with many remarks; it must follow most of the quotation's
  // words. A report may give the end (or the start) of the remark in its own order ("you must
  // look to other means" for "other means must be resorted to"): the quotation's content words
  // that the report's next words also have count as followed.
  if (reported && same + (leadA && leadB ? reordered(true) : 0) + (trailA && trailB ? reordered(false) : 0) < MIN_REPORTED_SHARE * whole.words.length) return null;
  return { relation: 'worded-differently', differentInA: sorted(differentInA), differentInB: sorted(differentInB), alignment };
}

let stemTally = new Int32Array(0);

/**
 * Whether two quotes share enough words to be versions of one remark, before they are
 * aligned: three in four pairs of quotes that share word pairs do not, and an alignment costs
 * thirty times this count. Every link `judge` makes has two content words aligned on the
 * same stem, or one and five words in all, and reported speech five words: an alignment pairs
 * each of A's words with at most one of B's of the same stem, so the words of A whose stem B
 * has (as many times as B has it) bound both, and a pair under the bound cannot link.
 */
function mayLink(A: QuoteWords, B: QuoteWords, reported: boolean): boolean {
  const a = cellsOf(A);
  const b = cellsOf(B);
  if (stemTally.length < stemCount()) stemTally = new Int32Array(Math.max(stemCount(), 2 * stemTally.length));
  for (let j = 0; j < b.stem.length; j++) stemTally[b.stem[j]]++;
  // A's content words first: so many of them at most align, whichever words of B they take.
  let sameContent = 0;
  let same = 0;
  for (let i = 0; i < a.stem.length; i++) if (a.weight[i] === 2 && stemTally[a.stem[i]] > 0) stemTally[a.stem[i]]--, sameContent++;
  for (let i = 0; i < a.stem.length; i++) if (a.weight[i] !== 2 && stemTally[a.stem[i]] > 0) stemTally[a.stem[i]]--, same++;
  same += sameContent;
  // The tally is left at zero for the next pair.
  for (let j = 0; j < b.stem.length; j++) stemTally[b.stem[j]] = 0;
  if (reported && same < SHORT_QUOTE) return false;
  return sameContent >= 2 || (sameContent >= 1 && same >= SHORT_QUOTE);
}

/** The positions of a longest common subsequence of two short word lists. */
function commonWords(x: readonly string[], y: readonly string[]): { a: Set<number>; b: Set<number> } {
  const w = y.length + 1;
  const L = new Uint16Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) L[i * w + j] = x[i] === y[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
  const a = new Set<number>();
  const b = new Set<number>();
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) a.add(i++), b.add(j++);
    else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) i++;
    else j++;
  }
  return { a, b };
}

/** The same words in the same order, with elisions at the same places. */
function identical(A: QuoteWords, B: QuoteWords): boolean {
  if (A.words.length !== B.words.length || A.gapAfter !== B.gapAfter) return false;
  return A.words.every((w, i) => w.surface === B.words[i].surface && w.gapBefore === B.words[i].gapBefore);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function sorted(xs: number[]): number[] {
  return [...new Set(xs)].sort((x, y) => x - y);
}
