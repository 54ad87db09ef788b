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
  const a = A.words;
  const b = B.words;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return null;
  const w = m + 1;
  const score = new Float64Array((n + 1) * w);
  // 0 stop, 1 diagonal, 2 up (a word only A has), 3 left (a word only B has)
  const from = new Uint8Array((n + 1) * w);
  // B marks an elision before its word j (or after its last word, for j = m).
  const gapInB = (j: number) => (j < m ? b[j].gapBefore : B.gapAfter);
  const gapInA = (i: number) => (i < n ? a[i].gapBefore : A.gapAfter);
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const x = a[i - 1];
      const y = b[j - 1];
      const diag = score[(i - 1) * w + j - 1] + (x.stem === y.stem ? (x.content ? 2 : 1) : OTHER);
      const up = score[(i - 1) * w + j] + (gapInB(j) ? 0 : GAP);
      const left = score[i * w + j - 1] + (gapInA(i) ? 0 : GAP);
      let s = 0;
      let f = 0;
      if (diag > s) (s = diag), (f = 1);
      if (up > s) (s = up), (f = 2);
      if (left > s) (s = left), (f = 3);
      score[i * w + j] = s;
      from[i * w + j] = f;
      // Only an alignment that ends on a shared word is a candidate end.
      if (s > best && x.stem === y.stem) (best = s), (bi = i), (bj = j);
    }
  }
  if (best === 0) return null;
  const steps: AlignedStep[] = [];
  let i = bi;
  let j = bj;
  while (i > 0 && j > 0 && from[i * w + j] !== 0) {
    const f = from[i * w + j];
    if (f === 1) {
      steps.push({ op: a[i - 1].stem === b[j - 1].stem ? 'same' : 'other', a: i - 1, b: j - 1 });
      i--, j--;
    } else if (f === 2) {
      steps.push({ op: 'onlyA', a: i - 1, free: gapInB(j) });
      i--;
    } else {
      steps.push({ op: 'onlyB', b: j - 1, free: gapInA(i) });
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
