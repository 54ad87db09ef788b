// A fast tokenizer for news prose. compromise tokenizes and tags everything it sees, at
// about 0.15 MB/s; most of a document needs only words, numbers and punctuation with their
// offsets, so the engine tokenizes itself and asks compromise's lexicon about single words.

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, curly apostrophes made straight: the form used for look-ups. */
  norm: string;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// One alternation, tried left to right at each position:
//  1. dotted abbreviations: U.S., D.C., a.m.
//  2. numbers glued to letters or with separators: 100,000  7.5  7th  2.5bn  pre-2014 stays a word
//  3. words with inner hyphens and contractions (don't, Milley's splits below), and Irish and
//     French names with an apostrophe after their initial (O’Donnell, D'Souza)
//  4. any other single non-space character
const TOKEN_RE =
  /(\p{L}\.(?:\p{L}\.)+)|(\d[\d,.]*\d(?:\p{L}+)?|\d(?:\p{L}+)?)|((?:\p{Lu}['’](?=\p{Lu}\p{Ll}))?\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐][\p{L}\p{M}\p{N}]+)*(?:['’](?:t|re|ll|ve|d|m|T|RE|LL|VE|D|M)(?![\p{L}]))?)|(['’]s(?![\p{L}])|['’]S(?![\p{L}]))|(\S)/gu;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const re = TOKEN_RE;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= end) break;
    let tokenText = m[0];
    // A token may not run past the requested end (tokenizing one paragraph of a text).
    if (m.index + tokenText.length > end) tokenText = tokenText.slice(0, end - m.index);
    const kind: TokenKind = m[2] !== undefined ? 'number' : m[5] !== undefined ? 'punct' : 'word';
    const first = tokenText.charCodeAt(0);
    tokens.push({
      start: m.index,
      end: m.index + tokenText.length,
      text: tokenText,
      norm: tokenText.toLowerCase().replace(/’/g, "'"),
      kind,
      cap: kind === 'word' && isUpper(tokenText, first),
    });
  }
  return tokens;
}

function isUpper(s: string, code: number): boolean {
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const c = s[0];
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
