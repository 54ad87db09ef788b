import type { Token } from '../text/tokenize';
import { verbForms } from '../text/lexicon';
import { CUE_VERB_FORMS } from './cueForms';

// Attribution cues: the words that say someone said something. The lists are data, meant to
// be read and extended (the `byline.cueVerbs` setting and the CLI's --cue-verb add to them);
// every verb is given once, as an infinitive, and compromise conjugates it.

/** Verbs that report speech wherever they stand: “X said (that) …”, “…, X warned.” */
export const SPEECH_VERBS: readonly string[] = [
  'say', 'tell', 'add', 'state', 'claim', 'assert', 'remark', 'warn', 'argue', 'insist', 'note',
  'explain', 'write', 'tweet', 'declare', 'announce', 'emphasize', 'emphasise', 'stress', 'urge',
  'predict', 'suggest', 'acknowledge', 'admit', 'concede', 'reply', 'respond', 'answer', 'recall',
  'observe', 'point out', 'complain', 'counter', 'caution', 'vow', 'promise', 'report', 'ask',
  'testify', 'post', 'lament', 'deny', 'confirm', 'contend', 'allege',
  'boast', 'demand', 'estimate', 'hint', 'mention', 'propose', 'reiterate', 'reveal',
  'speculate', 'agree', 'proclaim', 'retort', 'quip', 'joke', 'muse', 'shout', 'advise',
  'recommend', 'affirm', 'assure', 'disclose', 'exclaim', 'opine', 'pledge', 'protest', 'swear',
  'conclude', 'concur', 'brag', 'recount', 'elaborate', 'clarify', 'scoff',
  'tout', 'accuse', 'remind', 'inform', 'summarize', 'summarise', 'yell', 'chant', 'scream',
  'whisper', 'mutter', 'plead', 'beg', 'gush', 'rail', 'vent', 'complain',
];

/** Verbs that attribute only when they stand next to a quotation: “…,” he continued. */
export const QUOTE_ONLY_VERBS: readonly string[] = [
  'continue', 'go on', 'begin', 'laugh', 'smile', 'sigh', 'shrug', 'chuckle', 'interject',
  'offer', 'put it', 'wonder', 'reason', 'call', 'describe', 'dub', 'label', 'brand', 'term',
  'read', 'echo', 'charge', 'bark', 'snap', 'fume', 'thunder', 'crow', 'gloat', 'tease', 'marvel',
  'interrupt', 'shoot back', 'fire back', 'hit back', 'cut in', 'chime in', 'pipe up',
];

/**
 * Verbs of thought and of evidence: "voters think (that) …", "the poll shows (that) …". They
 * report a mind or a finding, not words, so they frame reported content only — a clause after
 * "that" or with a subject of its own — and never a quotation in marks on their own.
 */
export const ATTITUDE_VERBS: readonly string[] = [
  'think', 'believe', 'hope', 'fear', 'expect', 'doubt', 'feel', 'worry', 'know', 'understand',
  'show', 'find', 'indicate', 'demonstrate', 'prove', 'recognize', 'recognise', 'realize', 'realise',
  'want', 'plan', 'intend', 'refuse', 'decline', 'seek', 'aim', 'wish',
];

/**
 * Verbs of stance: "Christie endorsed Trump", "She criticized what she called …". What they
 * report is their object — a name or a phrase, up to the end of its clause.
 */
export const STANCE_VERBS: readonly string[] = [
  'endorse', 'criticize', 'criticise', 'support', 'defend', 'praise', 'oppose', 'cite', 'attack',
  'reject', 'question', 'dismiss', 'blame', 'condemn', 'applaud', 'welcome', 'slam', 'denounce',
  'call for', 'call on', 'push for', 'point to', 'express', 'talk about', 'vote for', 'vote against', 'favor', 'favour',
];

/** Verbs of thought or speech whose content may be an infinitive: "Rubio wants to emerge as …", "urged Congress to act". */
export const INTENTION_VERBS: ReadonlySet<string> = new Set([
  'want', 'plan', 'intend', 'refuse', 'decline', 'seek', 'aim', 'wish', 'hope', 'expect',
  'ask', 'urge', 'promise', 'vow', 'pledge', 'agree', 'threaten', 'tell', 'warn', 'remind', 'advise',
]);

/** Cues whose other forms are mostly nouns ("his comments", "no comment"): only this form is a cue, next to a quotation. */
export const QUOTE_ONLY_FORMS: readonly string[] = ['commented'];

/** Multi-word cues that take their source after them: “according to Kirby, …”. */
export const SOURCE_AFTER_PHRASES: readonly string[] = ['according to', 'in the words of', 'as reported by'];

export interface CueLexicon {
  /** First word of a cue → the cues starting with it. */
  byFirstWord: Map<string, CueEntry[]>;
}

export interface CueEntry {
  words: string[];
  lemma: string;
  kind: 'speech' | 'quote-only' | 'attitude' | 'source-after';
  /** "warning", "adding": a participle has no subject of its own and never inverts ("claiming millions"). */
  gerund: boolean;
}

export interface CueMatch {
  /** Token index of the first word. */
  first: number;
  /** One past the last word. */
  last: number;
  lemma: string;
  kind: CueEntry['kind'];
  gerund: boolean;
}

const cache = new Map<string, CueLexicon>();

/** The cue lexicon with `extraVerbs` (infinitives or any form) added to the speech verbs. */
export function cueLexicon(extraVerbs: readonly string[] = []): CueLexicon {
  const key = extraVerbs.join('\u0000');
  let lex = cache.get(key);
  if (!lex) {
    lex = buildLexicon(extraVerbs);
    cache.set(key, lex);
  }
  return lex;
}

function buildLexicon(extraVerbs: readonly string[]): CueLexicon {
  const byFirstWord = new Map<string, CueEntry[]>();
  const seen = new Set<string>();
  const add = (phrase: string, lemma: string, kind: CueEntry['kind']) => {
    const words = phrase.toLowerCase().trim().split(/\s+/);
    const id = `${words.join(' ')}|${kind}`;
    if (words[0] === '' || seen.has(id)) return;
    seen.add(id);
    const list = byFirstWord.get(words[0]) ?? [];
    list.push({ words, lemma, kind, gerund: kind !== 'source-after' && words[0].endsWith('ing') && !lemma.startsWith(words[0]) });
    // Longer cues first, so "point out" wins over "point".
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(words[0], list);
  };
  for (const verb of [...SPEECH_VERBS, ...extraVerbs]) for (const form of formsOf(verb)) add(form, verb, 'speech');
  for (const verb of QUOTE_ONLY_VERBS) for (const form of formsOf(verb)) add(form, verb, 'quote-only');
  for (const form of QUOTE_ONLY_FORMS) add(form, form, 'quote-only');
  for (const verb of [...ATTITUDE_VERBS, ...STANCE_VERBS]) for (const form of formsOf(verb)) add(form, verb, 'attitude');
  for (const phrase of SOURCE_AFTER_PHRASES) add(phrase, phrase, 'source-after');
  return { byFirstWord };
}

/** A built-in verb's forms come from the table made at build time; a user's verb is conjugated now. */
function formsOf(verb: string): readonly string[] {
  return CUE_VERB_FORMS.get(verb) ?? verbForms(verb);
}

/** The cue starting at token `i`, if any (not crossing `limit`). */
export function cueAt(lex: CueLexicon, tokens: readonly Token[], i: number, limit: number): CueMatch | null {
  const entries = lex.byFirstWord.get(tokens[i].norm);
  if (!entries) return null;
  for (const e of entries) {
    if (i + e.words.length > limit) continue;
    let ok = true;
    for (let k = 1; k < e.words.length && ok; k++) ok = tokens[i + k].norm === e.words[k];
    if (ok) return { first: i, last: i + e.words.length, lemma: e.lemma, kind: e.kind, gerund: e.gerund };
  }
  return null;
}
