// Comparing names as a reader would: "Zelensky" is "Zelenskyy", "Milli" and "Mark Mille" are
// typos of "Mark Milley", but "Bill Clinton" is not "Hillary Clinton".

/** Lower case, accents removed, possessives and punctuation dropped: the key names are compared by. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Generational suffixes that follow a surname. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The words of a normalised person name, without suffixes. */
export function nameWords(normalized: string): string[] {
  const words = normalized.split(' ').filter((w) => w.length > 0);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  return words;
}

/** Shortest surname length for which a misspelling is believable rather than another name. */
const MIN_FUZZY_LENGTH = 5;
/** Letters the spellings must share at the start: typos and transliterations differ at the end. */
const MIN_SHARED_PREFIX = 3;
/** Edits (insert, delete, substitute, swap) a misspelling may differ by. */
const MAX_EDITS = 2;
/** From this length on a name is long enough for two edits to still be the same name. */
const LONG_NAME = 8;

/** True when two surnames are the same or one is a believable misspelling or transliteration of the other. */
export function surnamesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_FUZZY_LENGTH) return false;
  if (a.slice(0, MIN_SHARED_PREFIX) !== b.slice(0, MIN_SHARED_PREFIX)) return false;
  const distance = editDistance(a, b, MAX_EDITS);
  // Long names tolerate two edits (Zelensky/Zelenskyy/Zelenskiy); short ones one, or two
  // when the shorter is the longer cut short (Milli for Milley).
  if (shorter >= LONG_NAME || distance <= 1) return distance <= MAX_EDITS;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return distance <= MAX_EDITS && l.startsWith(s.slice(0, -1));
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows (the swap looks two rows back): names are compared by the thousand when
  // an archive's speakers are merged, so no table is allocated per comparison.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      current[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * True when two person names can be the same person: equal or fuzzily equal surnames, and first
 * names that do not contradict (one missing, equal, or one an initial of the other).
 */
export function personNamesMatch(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (!surnamesMatch(a[a.length - 1], b[b.length - 1])) return false;
  return a.length === 1 || b.length === 1 || firstNamesAgree(a[0], b[0]);
}

/** First names of one person: equal, one the other's initial, or a one-letter slip in a long enough name. */
export function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  // The length test first: it settles most pairs without computing a distance.
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1;
}
