import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import { normalizeName } from './names';

// Finds the people and organisations a document names, with the roles it gives them:
// "CIA Director William Burns", "General Mark Milley, the chairman of the US Joint Chiefs,",
// "Professor Charles Kupchan of Georgetown University". Speakers are resolved against these,
// and pronouns look back through them.

export interface TokenRange {
  first: number;
  last: number;
}

/** A role as the text gives it; `text` joins a title and its qualifier around the name. */
export interface RoleRange extends TokenRange {
  text: string;
}

export interface NameMention extends TokenRange {
  kind: 'person' | 'organization' | 'unknown';
  /** Normalised words of the name proper ("mark", "milley"). */
  words: string[];
  /** Titles and appositions the text attaches to this mention. */
  roles: RoleRange[];
  gender: 'male' | 'female' | null;
  /** Inside a quotation's marks: the speaker's words, not the writer's frame. */
  inQuote: boolean;
}

/** Longest apposition (in tokens) read as a role: ", the chairman of the US Joint Chiefs,". */
const MAX_APPOSITION = 16;
/** Longest title read before a name: "American Enterprise Institute defense strategy expert". */
const MAX_TITLE = 8;

const FEMALE_WORDS = new Set(['mrs', 'ms', 'miss', 'madam', 'spokeswoman', 'chairwoman', 'congresswoman', 'councilwoman', 'businesswoman', 'queen', 'princess', 'lady', 'sister', 'mother', 'wife', 'daughter']);
const MALE_WORDS = new Set(['mr', 'sir', 'spokesman', 'chairman', 'congressman', 'councilman', 'businessman', 'king', 'prince', 'lord', 'brother', 'father', 'husband', 'son']);

export function genderOfWord(norm: string): 'male' | 'female' | null {
  if (FEMALE_WORDS.has(norm)) return 'female';
  if (MALE_WORDS.has(norm)) return 'male';
  return null;
}

/** Could these words be a person's name? Known first names, or words compromise has never seen. */
export function looksLikePersonName(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.text === '.') continue;
    const f = wordFlags(t.norm);
    if (/-\p{Ll}/u.test(t.text) || f & (W.Place | W.OrgHead | W.Institution | W.Organization | W.Demonym | W.Time)) return false;
    if (!(f & (W.FirstName | W.LastName)) && f & W.Known && to - from > 1) return false;
  }
  return true;
}

export function isAcronym(t: Token): boolean {
  if (t.kind !== 'word' || t.text.length < 2 || t.text.length > 6 || !/^[A-Z][A-Z.]+$/.test(t.text)) return false;
  // US, U.S., UK are places, not organisations.
  return (wordFlags(t.norm) & W.Place) === 0;
}

/** True for tokens that can belong to a capitalised name run. */
function isNameToken(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== 'word') return false;
  if (t.cap) return true;
  // Particles inside names: Ursula von der Leyen, Osama bin Laden — or glued to one: Suleiman al-Amr.
  if (/^(al|el|ad|ash|bin|ibn|abu|abd)-\p{Lu}/u.test(t.text)) return true;
  return /^(von|van|der|de|da|del|di|la|le|bin|al|el|ibn)$/.test(t.norm) && i + 1 < tokens.length && tokens[i + 1].cap;
}

/** A period glued to an abbreviation or initial (Gen. / F.) stays inside the run. */
function isGluedPeriod(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text !== '.' || i === 0) return false;
  const prev = tokens[i - 1];
  if (prev.end !== t.start || prev.kind !== 'word') return false;
  return (prev.text.length === 1 && prev.cap) || (wordFlags(prev.norm) & W.Honorific) !== 0;
}

export function findNames(doc: ParsedDocument): NameMention[] {
  const { tokens } = doc;
  const mentions: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens, i)) {
      i++;
      continue;
    }
    const sentence = doc.sentences[doc.sentenceOf[i]];
    let end = i;
    while (end < tokens.length && doc.sentenceOf[end] === doc.sentenceOf[i] && (isNameToken(tokens, end) || isGluedPeriod(tokens, end))) end++;
    for (const m of readRun(doc, i, end, sentence.first)) mentions.push(m);
    i = end;
  }
  return mentions;
}

/** Splits a capitalised run into its title and its name, and classifies the name. */
function readRun(doc: ParsedDocument, from: number, to: number, sentenceFirst: number): NameMention[] {
  const { tokens } = doc;
  let a = from;
  // "The", "But", "Still" at the start of a sentence or a quotation are not names.
  while (a < to && isSentenceInitial(doc, a, sentenceFirst) && isCommonWord(tokens[a])) a++;
  // A determiner inside the run ("The White House" mid-sentence is rare; "the" is lower case).
  if (a >= to) return [];

  // "Chief of Staff Mark Milley": after "of", capitalised common words finish a title.
  let afterOf = a;
  if (a > 0 && tokens[a - 1].norm === 'of') {
    while (afterOf < to - 1 && tokens[afterOf].kind === 'word' && (wordFlags(tokens[afterOf].norm) & (W.Known | W.FirstName)) === W.Known) afterOf++;
  }
  // Titles split the run: the name follows the last title (CIA Director | William Burns).
  let nameStart = afterOf;
  for (let k = a; k < to; k++) {
    const f = wordFlags(tokens[k].norm);
    if ((f & (W.Title | W.Honorific)) !== 0 && !(f & W.FirstName) && k + 1 < to) nameStart = k + 1;
  }
  while (nameStart < to && tokens[nameStart].text === '.') nameStart++;
  if (nameStart >= to) return [];

  const roles: RoleRange[] = [];
  const titled = nameStart > a || hasTitleBefore(tokens, a) || (afterOf > a && hasTitleBefore(tokens, a - 1));
  const title = titled ? extendTitleLeft(tokens, a, nameStart, sentenceFirst) : null;
  if (title && title.last > title.first) roles.push(roleOf(doc, title));

  const nameTokens = tokens.slice(nameStart, to).filter((t) => t.text !== '.');
  const words = normalizeName(nameTokens.map((t) => t.text).join(' ')).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const inQuote = doc.quoteOf[nameStart] >= 0;
  const kind = classify(tokens, nameStart, to, titled, a > 0 && tokens[a - 1].norm === 'the', isSentenceInitial(doc, nameStart, sentenceFirst));
  if (kind === null) return [];

  let gender: 'male' | 'female' | null = null;
  for (let k = Math.max(a - 2, 0); k < to && gender === null; k++) {
    const f = wordFlags(tokens[k].norm);
    if (k >= nameStart && f & W.FirstName) gender = f & W.Female && !(f & W.Male) ? 'female' : f & W.Male && !(f & W.Female) ? 'male' : null;
    else gender = genderOfWord(tokens[k].norm);
  }

  if (kind === 'person') {
    const qualifier = ofQualifier(tokens, to, doc.sentences[doc.sentenceOf[from]].last);
    if (qualifier) {
      // "Professor Charles Kupchan of Georgetown University": one role, read around the name.
      const q = roleOf(doc, qualifier);
      if (roles.length > 0) {
        const t = roles[0];
        roles[0] = { first: t.first, last: qualifier.last, text: `${t.text} ${q.text}` };
      } else {
        roles.push({ ...q, text: q.text.replace(/^of /, '') });
      }
    }
    const apposition = appositionAfter(tokens, qualifier ? qualifier.last : to, doc.sentences[doc.sentenceOf[from]].last);
    if (apposition) roles.push(roleOf(doc, apposition));
  }
  return [{ first: nameStart, last: to, kind, words, roles, gender, inQuote }];
}

function roleOf(doc: ParsedDocument, r: TokenRange): RoleRange {
  return { ...r, text: doc.text.slice(doc.tokens[r.first].start, doc.tokens[r.last - 1].end) };
}

function isSentenceInitial(doc: ParsedDocument, i: number, sentenceFirst: number): boolean {
  if (i === sentenceFirst) return true;
  const prev = doc.tokens[i - 1];
  // The first word inside a quotation is capitalised too.
  return prev.kind === 'punct' && '"“„«‘\'—–-(.!?:'.includes(prev.text);
}

function isCommonWord(t: Token): boolean {
  const f = wordFlags(t.norm);
  // "General Mark Milley …" and "Professor Charles Kupchan …" open sentences with a title.
  if (f & (W.Title | W.Honorific)) return false;
  if (f & (W.FirstName | W.LastName | W.Place | W.Organization | W.Institution)) return (f & W.Common) !== 0;
  // Sentence-initial words the lexicon knows as ordinary words are not names; a plain noun
  // may be a surname ("Hunter, meanwhile, told Politico").
  return (f & (W.Common | W.Verb | W.Adjective | W.Adverb | W.Conjunction | W.Preposition | W.Determiner | W.Pronoun | W.Auxiliary | W.SourceNoun | W.Plural | W.Time | W.OrgHead)) !== 0;
}

function hasTitleBefore(tokens: readonly Token[], a: number): boolean {
  let k = a - 1;
  if (k >= 0 && tokens[k].norm === 'of') return k > 0 && (wordFlags(tokens[k - 1].norm) & (W.Title | W.Honorific)) !== 0;
  if (k >= 0 && tokens[k].text === '.') k--;
  return k >= 0 && tokens[k].kind === 'word' && !tokens[k].cap && (wordFlags(tokens[k].norm) & (W.Title | W.SourceNoun)) !== 0;
}

/** The title phrase before a name: "Pentagon spokeswoman", "retired Lt. Gen.", "US Army Chief of Staff". */
function extendTitleLeft(tokens: readonly Token[], a: number, nameStart: number, sentenceFirst: number): TokenRange {
  let first = a;
  while (first > sentenceFirst && nameStart - first < MAX_TITLE) {
    const t = tokens[first - 1];
    if (t.text === '.' && first - 2 >= sentenceFirst && isGluedPeriod(tokens, first - 1)) {
      first--;
      continue;
    }
    if (t.kind !== 'word') break;
    // "Chief of Staff Mark Milley": of joins the parts of a title.
    if (t.norm === 'of' && first - 2 >= sentenceFirst && tokens[first - 2].cap) {
      first--;
      continue;
    }
    // "Chairman of the Joint Chiefs of Staff Mark Milley": so does "of the", after a title word.
    if (t.norm === 'the' && tokens[first - 2]?.norm === 'of' && first - 3 >= sentenceFirst && wordFlags(tokens[first - 3].norm) & W.Title && tokens[first - 3].cap) {
      first -= 2;
      continue;
    }
    // "US Army Chief of Staff": "US" in capitals is the country, not the pronoun "us".
    const f = t.text === 'US' ? W.Place : wordFlags(t.norm);
    {
      if (f & (W.Determiner | W.Preposition | W.Conjunction | W.Pronoun | W.Auxiliary | W.Adverb | W.Time)) break;
      if (!t.cap && f & W.Common) break;
      if (!t.cap && f & W.Verb && !(f & (W.Title | W.SourceNoun | W.TitleModifier))) break;
      first--;
      continue;
    }
    break;
  }
  // A title does not start with "of".
  while (first < nameStart && tokens[first].norm === 'of') first++;
  return { first, last: nameStart };
}

function classify(tokens: readonly Token[], from: number, to: number, titled: boolean, afterThe: boolean, sentenceInitial: boolean): NameMention['kind'] | null {
  let orgish = false;
  let institution = false;
  let allPlace = true;
  let allTime = true;
  let firstName = false;
  let lastName = false;
  /** Words that could be a given name or a surname: known first names, or words compromise has never seen. */
  let nameLike = 0;
  let length = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.text === '.') continue;
    length++;
    const f = wordFlags(t.norm);
    if (f & (W.OrgHead | W.Organization | W.Institution) || isAcronym(t)) orgish = true;
    if (f & (W.Institution | W.Organization) || isAcronym(t)) institution = true;
    if (!(f & (W.Place | W.Demonym))) allPlace = false;
    if (!(f & W.Time)) allTime = false;
    if (k === from && f & W.FirstName) firstName = true;
    if (f & W.LastName) lastName = true;
    const hyphenated = /-\p{Ll}/u.test(t.text);
    if (!hyphenated && (f & W.FirstName || !(f & W.Known) || (t.text.length === 1 && t.cap))) nameLike++;
  }
  if (allTime) return null;
  // "Bolton" is a town to the lexicon but may be the surname of someone the text names in
  // full; the registry decides, and leaves it alone otherwise.
  if (allPlace) return length === 1 && !titled ? 'unknown' : null;
  if (titled && !orgish) return 'person';
  if (orgish) return afterThe || length > 1 || institution ? 'organization' : 'unknown';
  if (firstName && length >= 2) return 'person';
  // "a resident named Caroline": a given name alone, inside a sentence, is someone called by it.
  if (firstName && length === 1 && !sentenceInitial) return 'person';
  if (lastName && length <= 3) return 'person';
  // Two or three unfamiliar words in a row (Valeriy Zaluzhnyy) are most likely a name.
  if (length >= 2 && length <= 3 && nameLike === length) return 'person';
  return 'unknown';
}

/** "of Georgetown University" right after a person's name is part of their role. */
function ofQualifier(tokens: readonly Token[], to: number, sentenceLast: number): TokenRange | null {
  if (to >= sentenceLast || tokens[to].norm !== 'of') return null;
  let k = to + 1;
  if (k < sentenceLast && tokens[k].norm === 'the') k++;
  const start = k;
  while (k < sentenceLast && tokens[k].cap) k++;
  return k > start ? { first: to, last: k } : null;
}

/** ", the chairman of the US Joint Chiefs," after a name: a role when it names a position. */
function appositionAfter(tokens: readonly Token[], to: number, sentenceLast: number): TokenRange | null {
  if (to >= sentenceLast || tokens[to].text !== ',') return null;
  const first = to + 1;
  let k = first;
  let hasRoleWord = false;
  while (k < sentenceLast && k - first < MAX_APPOSITION) {
    const t = tokens[k];
    if (t.text === ',' || t.text === '.' || t.text === ';' || t.text === '(' || t.text === ')' || '"“”'.includes(t.text)) break;
    const f = wordFlags(t.norm);
    if (k === first && (t.norm === 'who' || t.norm === 'which' || f & (W.Verb | W.Pronoun | W.Preposition) && !(f & (W.Title | W.SourceNoun | W.TitleModifier)))) return null;
    // ", who said …", ", speaking in …": a clause, not a role. Plain verb forms are nouns here ("the transport committee").
    if (!t.cap && (f & W.Auxiliary || (f & W.Verb && /(ed|ing|s)$/.test(t.norm))) && !(f & (W.Title | W.SourceNoun | W.Adjective | W.TitleModifier | W.Plural))) return null;
    if (f & (W.Title | W.SourceNoun) || t.norm === 'head' || t.norm === 'expert') hasRoleWord = true;
    k++;
  }
  if (!hasRoleWord || k === first) return null;
  if (k < sentenceLast && !',.;'.includes(tokens[k].text)) return null;
  return { first, last: k };
}
