import type { Token } from '../text/tokenize';

// Phrase matching over the fast tokens: the claim tables (hedges, measures, non-quantities)
// are lists of lower-case phrases, matched on token norms. compromise's `.match()` would do
// the same after tagging the sentence, which costs more than the whole claim search.

interface Entry<T> {
  words: string[];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** First token of the match. */
  first: number;
  /** One past its last token. */
  last: number;
}

export const isQuoteMark = (t: Token): boolean => t.kind === 'punct' && '"“”\'‘’'.includes(t.text);

export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private readonly byLast = new Map<string, Entry<T>[]>();

  constructor(rows: ReadonlyArray<readonly [string, T]>) {
    for (const [phrase, value] of rows) {
      const words = phrase.split(' ');
      add(this.byFirst, words[0], { words, value });
      add(this.byLast, words[words.length - 1], { words, value });
    }
  }

  /** The longest phrase starting at token `i`. */
  at(tokens: readonly Token[], i: number, end: number): PhraseMatch<T> | null {
    const candidates = i < end ? this.byFirst.get(tokens[i].norm) : undefined;
    if (!candidates) return null;
    for (const c of candidates) {
      if (i + c.words.length > end) continue;
      let ok = true;
      for (let w = 1; w < c.words.length && ok; w++) ok = tokens[i + w].norm === c.words[w];
      if (ok) return { value: c.value, first: i, last: i + c.words.length };
    }
    return null;
  }

  /** The longest phrase ending at token `i` (inclusive); quotation marks inside it are passed over. */
  endingAt(tokens: readonly Token[], i: number, floor: number): PhraseMatch<T> | null {
    const candidates = i >= floor ? this.byLast.get(tokens[i].norm) : undefined;
    if (!candidates) return null;
    for (const c of candidates) {
      let j = i;
      let ok = true;
      for (let w = c.words.length - 1; w >= 0 && ok; w--, j--) {
        while (w < c.words.length - 1 && j >= floor && isQuoteMark(tokens[j])) j--;
        ok = j >= floor && tokens[j].norm === c.words[w];
      }
      if (ok) return { value: c.value, first: j + 1, last: i + 1 };
    }
    return null;
  }
}

function add<T>(map: Map<string, Entry<T>[]>, key: string, entry: Entry<T>): void {
  const list = map.get(key) ?? [];
  list.push(entry);
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(key, list);
}

