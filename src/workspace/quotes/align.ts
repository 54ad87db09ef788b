import type { QuoteWords } from './words';

// Aligns two versions of a remark word by word: a local alignment (Smith–Waterman), so that
// a short quote finds its place inside a long one and a reported-speech sentence's own words
// around the quoted remark are left out. Words align on their stems; content words weigh
// more than function words, so that "of the" alone does not make an alignment. Skipping words
// where the other version marks an elision ("…", "[…]") costs nothing: those words are the
// ones it left out.

export type AlignedStep =
  | { op: 'same'; a: number; b: number } // the same stem in both versions
  | { op: 'other'; a: number; b: number } // one word in place of another
  | { op: 'onlyA'; a: number; free: boolean } // a word only A has; free when B marks an elision there
  | { op: 'onlyB'; b: number; free: boolean };

export interface Alignment {
  steps: AlignedStep[];
  /** The aligned region: A's words [aStart, aEnd), B's words [bStart, bEnd). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** What a changed word and a word only one version has cost: strict when deciding whether two quotes are versions. */
export const STRICT = -1;
/** Softer, to show the words that differ between two versions already linked: the alignment runs through a few changed words. */
export const SOFT = -0.5;

export function align(A: QuoteWords, B: QuoteWords, penalty = STRICT): Alignment | null {
  const OTHER = penalty;
  const GAP = penalty;
  const n = A.words.length;
  const m = B.words.length;
  if (n === 0 || m === 0) return null;
  const a = cellsOf(A);
  const b = cellsOf(B);
  const w = m + 1;
  const { score, from } = scratch((n + 1) * w);
  // Row 0 and column 0 are the empty alignment; the buffers are reused, so they are cleared here.
  score.fill(0, 0, w);
  // from: 0 stop, 1 diagonal, 2 up (a word only A has), 3 left (a word only B has).
  // b.gap[j]: B marks an elision before its word j (or after its last word, for j = m); a.gap likewise.
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const above = row - w;
    score[row] = 0;
    const x = a.stem[i - 1];
    const weight = a.weight[i - 1];
    const left0 = a.gap[i] ? 0 : GAP;
    for (let j = 1; j <= m; j++) {
      const same = x === b.stem[j - 1];
      const diag = score[above + j - 1] + (same ? weight : OTHER);
      const up = score[above + j] + (b.gap[j] ? 0 : GAP);
      const left = score[row + j - 1] + left0;
      let s = 0;
      let f = 0;
      if (diag > s) (s = diag), (f = 1);
      if (up > s) (s = up), (f = 2);
      if (left > s) (s = left), (f = 3);
      score[row + j] = s;
      from[row + j] = f;
      // Only an alignment that ends on a shared word is a candidate end.
      if (s > best && same) (best = s), (bi = i), (bj = j);
    }
  }
  if (best === 0) return null;
  const steps: AlignedStep[] = [];
  let i = bi;
  let j = bj;
  while (i > 0 && j > 0 && from[i * w + j] !== 0) {
    const f = from[i * w + j];
    if (f === 1) {
      steps.push({ op: a.stem[i - 1] === b.stem[j - 1] ? 'same' : 'other', a: i - 1, b: j - 1 });
      i--, j--;
    } else if (f === 2) {
      steps.push({ op: 'onlyA', a: i - 1, free: b.gap[j] === 1 });
      i--;
    } else {
      steps.push({ op: 'onlyB', b: j - 1, free: a.gap[i] === 1 });
      j--;
    }
  }
  steps.reverse();
  // Trim what does not start on a shared word (a local alignment may begin with a free skip).
  while (steps.length > 0 && steps[0].op !== 'same') steps.shift();
  if (steps.length === 0) return null;
  const first = steps[0] as { a: number; b: number };
  return { steps, aStart: first.a, aEnd: bi, bStart: first.b, bEnd: bj };
}

// A workspace compares each quote with thousands of others (25,000 alignments for 840
// articles): the words are read as numbers once per quote, and the alignment's tables are
// reused, instead of comparing stem strings and allocating two tables per alignment.

/** A quote's words as the alignment reads them. */
export interface Cells {
  /** Each word's stem, as a number (equal stems, equal numbers). */
  stem: Int32Array;
  /** What a shared word scores: 2 for a content word, 1 for a function word. */
  weight: Uint8Array;
  /** 1 where an elision comes before word i; at n, after the last word. */
  gap: Uint8Array;
}

const stemNumbers = new Map<string, number>();
const cellsByWords = new WeakMap<QuoteWords, Cells>();

export function cellsOf(q: QuoteWords): Cells {
  let cells = cellsByWords.get(q);
  if (cells) return cells;
  const n = q.words.length;
  cells = { stem: new Int32Array(n), weight: new Uint8Array(n), gap: new Uint8Array(n + 1) };
  for (let i = 0; i < n; i++) {
    const word = q.words[i];
    let number = stemNumbers.get(word.stem);
    if (number === undefined) stemNumbers.set(word.stem, (number = stemNumbers.size));
    cells.stem[i] = number;
    cells.weight[i] = word.content ? 2 : 1;
    cells.gap[i] = word.gapBefore ? 1 : 0;
  }
  cells.gap[n] = q.gapAfter ? 1 : 0;
  cellsByWords.set(q, cells);
  return cells;
}

/** Stems numbered so far (a bound for `stem` numbers, for tables indexed by them). */
export function stemCount(): number {
  return stemNumbers.size;
}

let scores = new Float64Array(0);
let froms = new Uint8Array(0);

/** Tables of at least `size` cells, reused from one alignment to the next. */
function scratch(size: number): { score: Float64Array; from: Uint8Array } {
  if (scores.length < size) {
    scores = new Float64Array(size);
    froms = new Uint8Array(size);
  }
  return { score: scores, from: froms };
}
