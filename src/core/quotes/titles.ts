import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import { lastParagraph, type QuoteFinding } from './finding';

// Words in marks that are named, not quoted: titles of shows, books, slogans and articles, and
// short quotations that stand as sentences of their own.

/** Title-case quotations up to this many words with no cue next to them are titles ("Morning Joe"). */
const TITLE_WORDS = 6;

/** Nouns a title in marks follows: his book, “…”; a film titled “…”. */
const WORK_NOUNS = new Set([
  'book', 'books', 'novel', 'memoir', 'column', 'article', 'essay', 'op-ed', 'editorial', 'headline', 'film', 'movie',
  'documentary', 'show', 'series', 'episode', 'song', 'album', 'play', 'musical', 'poem', 'titled', 'entitled',
]);

/** Roles a title in marks qualifies: the “Jane the Virgin” star, the “Morning Joe” host. */
const WORK_ROLES = new Set([
  'star', 'stars', 'host', 'hosts', 'co-host', 'creator', 'co-creator', 'author', 'co-author', 'editor', 'co-editor',
  'actor', 'actress', 'producer', 'director', 'writer', 'anchor', 'showrunner', 'singer', 'style',
]);

/** Title case, a few words: “Meet the Press”, “The Art of the Deal”. */
export function isTitleRange(tokens: readonly Token[], first: number, last: number): boolean {
  let words = 0;
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') continue;
    words++;
    const small = wordFlags(t.norm) & (W.Preposition | W.Determiner | W.Conjunction);
    if (!t.cap && !small) return false;
  }
  return words > 0 && words <= TITLE_WORDS;
}

export function isTitle(tokens: readonly Token[], f: QuoteFinding): boolean {
  return isTitleRange(tokens, f.first, f.last);
}

/** Words (not punctuation) in a finding. */
export function wordCount(tokens: readonly Token[], f: QuoteFinding): number {
  let n = 0;
  for (let k = f.first; k < f.last; k++) if (tokens[k].kind !== 'punct') n++;
  return n;
}

/**
 * The title of a work in sentence case: his new book, “Crippled America: …”; a column,
 * “The piling on must stop”; “The Living Room to close in December,” by Ben Sisario; the
 * “Orange is the New Black” star.
 */
export function isNamedWork(doc: ParsedDocument, f: QuoteFinding): boolean {
  const { tokens } = doc;
  let after = f.last;
  if (tokens[after]?.text === ',') after++;
  const by = tokens[after + 1];
  if (tokens[after]?.norm === 'by' && by?.cap && !(wordFlags(by.norm) & W.Time)) return true;
  // “Orange is the New Black” star Dascha Polanco: a work before the role it gives someone.
  const next = tokens[f.last];
  if (next && !next.cap && doc.paragraphOf[f.last] === lastParagraph(doc, f) && WORK_ROLES.has(next.norm)) return true;
  let before = f.first - 1;
  while (before >= 0 && (tokens[before].text === ',' || tokens[before].text === '(' || tokens[before].text === ':')) before--;
  if (before < 0 || doc.paragraphOf[before] !== f.paragraph) return false;
  // "author of “America’s Bitter Pill”", "in the style of “Bridget Jones’s Diary”"
  if (tokens[before].norm === 'of' && before > 0) return WORK_ROLES.has(tokens[before - 1].norm) || WORK_NOUNS.has(tokens[before - 1].norm);
  return WORK_NOUNS.has(tokens[before].norm);
}

/** “Nobody wants detours.” standing as its own sentence is a quotation, however short. */
export function isWholeSentence(tokens: readonly Token[], f: QuoteFinding): boolean {
  if (f.kind !== 'direct') return false;
  const lastWord = tokens[f.last - 2];
  return lastWord !== undefined && lastWord.kind === 'punct' && '.!?'.includes(lastWord.text) && !isTitle(tokens, f);
}
