import type { QuoteWords } from './words';

// A word-level diff a reader sees at a glance: a quote's text cut into runs, those made of
// words the other version has not marked. Punctuation and spacing stay as written.

export interface DiffRun {
  text: string;
  /** Words the other version has not (changed, added or dropped). */
  differs: boolean;
}

/** The text in runs; consecutive differing words (and the spaces between them) make one run. */
export function diffRuns(text: string, words: QuoteWords, different: readonly number[]): DiffRun[] {
  const marked = new Set(different);
  const runs: DiffRun[] = [];
  let at = 0;
  const push = (t: string, differs: boolean) => {
    if (t === '') return;
    const last = runs[runs.length - 1];
    if (last && last.differs === differs) last.text += t;
    else runs.push({ text: t, differs });
  };
  words.words.forEach((w, i) => {
    const between = text.slice(at, w.at);
    // The space between two differing words belongs to their run; anything else is kept plain.
    push(between, marked.has(i) && marked.has(i - 1) && /^\s+$/.test(between));
    push(text.slice(w.at, w.end), marked.has(i));
    at = w.end;
  });
  push(text.slice(at), false);
  return runs;
}

/** The differing words only, in runs: "has been a", "amount of". */
export function differingPhrases(text: string, words: QuoteWords, different: readonly number[]): string[] {
  return diffRuns(text, words, different).filter((r) => r.differs).map((r) => r.text);
}
