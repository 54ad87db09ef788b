import type { Token } from './tokenize';

// Sentence boundaries over tokens. A quotation is opaque: “I don’t think it’s premature. I
// think it’s prudent,” he added — is one sentence, so the cue stays with its quote.

/** Words that end with a period without ending a sentence (Gen. Mark Milley, Jan. 5). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen sens rep reps gov atty ' +
    'st jr sr rev hon fr pres supt insp det gov vs etc inc corp co ltd no nos mt ft ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ'
  ).split(' '),
);

/** After a dotted abbreviation (U.S.), these capitalised words start a new sentence. */
const SENTENCE_STARTERS = new Set(
  'the a an he she it they we i but and so yet in on at this that these those there his her their its'.split(' '),
);

export interface SentenceSpan {
  /** Index of the first token. */
  first: number;
  /** Index one past the last token. */
  last: number;
}

/**
 * Splits one paragraph's tokens [from, to) into sentences.
 * `inQuote[i]` is true for tokens strictly inside a quotation (not its marks).
 * `closesQuote[i]` is true for a token that is a quotation's closing mark.
 */
export function splitSentences(
  tokens: readonly Token[],
  from: number,
  to: number,
  inQuote: (i: number) => boolean,
  closesQuote: (i: number) => boolean,
): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let first = from;
  for (let i = from; i < to - 1; i++) {
    if (isBoundaryAfter(tokens, i, inQuote, closesQuote)) {
      sentences.push({ first, last: i + 1 });
      first = i + 1;
    }
  }
  if (first < to) sentences.push({ first, last: to });
  return sentences;
}

function isBoundaryAfter(
  tokens: readonly Token[],
  i: number,
  inQuote: (i: number) => boolean,
  closesQuote: (i: number) => boolean,
): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  const nextStarts = next.cap || isOpeningMark(next) || next.kind === 'number';
  if (!nextStarts) return false;
  if (closesQuote(i)) {
    // “… blood.” Zelensky said — the quote ended its sentence.
    const prev = tokens[i - 1];
    return prev !== undefined && (prev.text === '.' || prev.text === '!' || prev.text === '?' || prev.text === '…');
  }
  if (inQuote(i)) return false;
  if (t.kind === 'punct') {
    if (t.text === '!' || t.text === '?' || t.text === '…') return true;
    if (t.text !== '.') return false;
    const prev = tokens[i - 1];
    // A point with no space after it, between letters or digits, is inside a word the tokenizer
    // split: a price (RM23.50), a dotted abbreviation after a hyphen (D-N.Y.), a web address.
    if (prev && prev.end === t.start && next.start === t.end && (next.kind === 'number' || next.kind === 'word')) return false;
    if (prev && prev.kind === 'word' && prev.end === t.start) {
      if (ABBREVIATIONS.has(prev.norm)) return false;
      if (prev.text.length === 1 && prev.cap) return false; // an initial: John F. Kennedy
    }
    return true;
  }
  // U.S. The … — a dotted abbreviation can end a sentence only before a clear starter.
  if (t.kind === 'word' && t.text.endsWith('.') && next.cap) return SENTENCE_STARTERS.has(next.norm);
  return false;
}

function isOpeningMark(t: Token): boolean {
  return t.kind === 'punct' && '"“„«‘\''.includes(t.text);
}
