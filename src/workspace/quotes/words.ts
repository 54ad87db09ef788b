// The words of a quote as the comparison of versions sees them. Two outlets quoting the same
// remark differ in what is not wording: case, punctuation, the style of quotation marks and
// apostrophes, hyphens ("re-establish", "reestablish"). Marks of elision ("…", "...") and
// editorial insertions ("[the Russians]") say "words left out or replaced here": they are
// kept as a flag on the next word, so the words another version has there are not a difference.

export interface QuoteWord {
  /** The word as compared for wording: lower case, apostrophes folded, no punctuation. */
  surface: string;
  /** A crude stem, for aligning versions ("negotiation", "negotiations"); never for judging them the same. */
  stem: string;
  /** A word that carries meaning; common function words align but do not make two quotes one. */
  content: boolean;
  /** An elision or an editorial insertion comes just before this word. */
  gapBefore: boolean;
  /** Where the word is in the quote's text: [at, end). */
  at: number;
  end: number;
}

export interface QuoteWords {
  words: QuoteWord[];
  /** An elision or insertion after the last word. */
  gapAfter: boolean;
}

/** Quotes longer than this are compared on their first words only: a remark is rarely longer, and alignment is quadratic. */
export const MAX_WORDS = 160;

const ELISION = /^(?:…|\.{3,}|\[[^\]]*\])$/;
const PIECES = /\[[^\]]*\]|…|\.{3,}|[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

export function quoteWords(text: string): QuoteWords {
  const words: QuoteWord[] = [];
  let gap = false;
  // exec, not matchAll: a workspace reads every quote of every file, and matchAll's iterator
  // and copies of the pattern were a sixth of what comparing quotes allocates.
  PIECES.lastIndex = 0;
  for (let m = PIECES.exec(text); m !== null; m = PIECES.exec(text)) {
    const piece = m[0];
    if (ELISION.test(piece)) {
      gap = true;
      continue;
    }
    if (words.length >= MAX_WORDS) break;
    const surface = piece.toLowerCase().replace(/’/g, "'").replace(/[-‐‑]/g, '');
    words.push({ surface, stem: stemOf(surface), content: !STOPWORDS.has(surface), gapBefore: gap, at: m.index, end: m.index + piece.length });
    gap = false;
  }
  return { words, gapAfter: gap };
}

/** Strips common English endings so that a word's forms align; the result is only a key. */
export function stemOf(word: string): string {
  let w = word.replace(/'s$|'$/, '');
  if (w.length <= 4) return w;
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ably', 'able', 'ibly', 'ible', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 'ly', 's', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Function words: they align two versions but never, alone, make two quotes versions of one remark. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet for of to in on at by with from into onto over under about as than then that this these those there here
  is are was were be been being am has have had having do does did done will would shall should can could may might must cannot can't
  i me my we us our you your he him his she her it its they them their who whom whose which what when where why how
  not no also just very too only even still some any all both each every other others more most such same own
  if because while though although until unless whether there's it's that's they're we're you're i'm he's she's don't doesn't didn't isn't aren't wasn't weren't won't
  up down out off again further once now one said says say through maybe perhaps therefore thus like well via across among against between
  during before after above below since without within upon per`.split(/\s+/),
);
