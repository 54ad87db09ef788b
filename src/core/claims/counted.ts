import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import { Tag, hasTag, singular, tagsOf } from './tags';
import { cardinalWord } from './numberWords';
import { countryOfDemonym, isCountry, placeName } from './places';

// The counted thing: the noun phrase after the number ("100,000 Russian soldiers"), or after
// "of" for shares and magnitudes ("20% of Ukraine", "millions of Americans"). There is no
// tagger here: a phrase runs while its words can be modifiers or nouns by the lexicon, and a
// participle or adverb joins only when a noun follows ("internally displaced people").

export interface NounPhrase {
  first: number;
  last: number;
}

const MAX_WORDS = 5;
/** Words that end a counted phrase although the lexicon may call them nouns. */
const STOP = new Set([
  'who', 'whom', 'whose', 'which', 'that', 'than', 'per', 'each', 'more', 'less', 'fewer', 'ago', 'earlier', 'later',
  'apiece', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'this', 'so', 'or', 'and', 'of', 'to', 'in', 'old',
  'over', 'under', 'ahead', 'apart', 'rather', 'instead', 'too', 'alone', 'together',
]);
const STOP_FLAGS = W.Determiner | W.Preposition | W.Conjunction | W.Pronoun | W.Auxiliary;

/** The counted words starting at token `i`. */
export function nounPhraseAt(tokens: readonly Token[], i: number, end: number): NounPhrase | null {
  let k = i;
  while (k < end && k - i < MAX_WORDS && canModify(tokens, k, end)) k++;
  return k > i ? { first: i, last: k } : null;
}

function isStop(t: Token): boolean {
  if (t.kind !== 'word' || STOP.has(t.norm) || cardinalWord(t.norm) !== undefined) return true;
  // "'s", and contractions: "the most successful businessmen we've …".
  if (t.norm.includes("'")) return true;
  const f = wordFlags(t.norm);
  if ((f & STOP_FLAGS) !== 0 && (f & W.Adjective) === 0) return true;
  return (tagsOf(t.norm) & (Tag.Month | Tag.WeekDay)) !== 0;
}

function canModify(tokens: readonly Token[], k: number, end: number): boolean {
  const t = tokens[k];
  if (isStop(t)) return false;
  const f = wordFlags(t.norm);
  const verbish = (f & W.Verb) !== 0 && !isNounish(t.norm) && !isPluralNoun(t.norm);
  const adverb = (f & W.Adverb) !== 0;
  if (!verbish && !adverb) return true;
  // A participle or adverb is part of the phrase only when a noun phrase goes on after it.
  return k + 1 < end && !isStop(tokens[k + 1]) && canModify(tokens, k + 1, end);
}

function isNounish(norm: string): boolean {
  const one = singular(norm);
  return hasTag(norm, Tag.Noun) || hasTag(norm, Tag.Actor) || hasTag(one, Tag.Noun) || PERSON_NOUNS.has(one);
}

/** After a number, a word in -s that could be a verb is a plural noun: "60 votes", "two major parties". */
function isPluralNoun(norm: string): boolean {
  return norm.length > 3 && norm.endsWith('s') && !norm.endsWith('ss') && (wordFlags(norm) & W.Auxiliary) === 0;
}

/** Nouns for people that compromise does not mark as actors; a count of them has the unit "people". */
const PERSON_NOUNS = new Set([
  'person', 'people', 'soldier', 'troop', 'civilian', 'resident', 'refugee', 'child', 'woman', 'man', 'worker',
  'employee', 'casualty', 'fighter', 'serviceman', 'official', 'citizen', 'migrant', 'student', 'voter', 'patient',
  'victim', 'prisoner', 'hostage', 'member', 'user', 'customer', 'fan', 'passenger', 'inhabitant', 'recruit',
  'reservist', 'conscript', 'mercenary', 'volunteer', 'evacuee', 'demonstrator', 'protester', 'protestor', 'adult',
  'teenager', 'infant', 'baby', 'pensioner', 'staff', 'personnel', 'servicemember', 'marine', 'sailor', 'pilot',
  'officer', 'police', 'policeman', 'doctor', 'nurse', 'teacher', 'journalist', 'american', 'player', 'supporter',
  'follower', 'attendee', 'participant', 'delegate', 'spectator', 'tourist', 'visitor', 'survivor', 'detainee',
]);

export function isPersonNoun(norm: string): boolean {
  const s = singular(norm);
  return PERSON_NOUNS.has(s) || hasTag(norm, Tag.Actor) || hasTag(s, Tag.Actor) || (hasTag(norm, Tag.Demonym) && norm.endsWith('s'));
}

/** Words for the same counted thing, so "troops" and "soldiers" meet. */
const SAME_THING: Readonly<Record<string, string>> = {
  troop: 'soldier', serviceman: 'soldier', servicemen: 'soldier', servicemember: 'soldier', people: 'person',
  persons: 'person', kiev: 'kyiv', fighting: 'military', combat: 'military',
  // Unrest, however a report names it: "five days of rioting", "the eighth day of protests".
  rioting: 'riot', protest: 'riot', unrest: 'riot', clash: 'riot', demonstration: 'riot', violence: 'riot',
  booth: 'station', monitor: 'observer', quake: 'earthquake', tremor: 'earthquake', temblor: 'earthquake',
};

/** Nouns that, after a demonym, mean the country itself: "20% of the Ukrainian region". */
const TERRITORY_NOUNS = new Set(['territory', 'region', 'land', 'lands', 'soil', 'country', 'area', 'landmass']);

/**
 * The normalised form of a counted phrase used to link claims across files: lower case,
 * singular, synonyms merged, "the Ukrainian territory" → "ukraine".
 */
export function countedKey(counted: string): string {
  const words = counted.toLowerCase().replace(/’/g, "'").split(/\s+/).filter((w) => w !== '' && !LEADING.has(w));
  if (words.length === 2 && TERRITORY_NOUNS.has(words[1])) {
    const country = countryOfDemonym(words[0]);
    if (country !== null) return country;
  }
  const place = placeName(words.join(' '));
  if (isCountry(place)) return place;
  return words.map((w) => SAME_THING[w] ?? SAME_THING[singular(w)] ?? singular(w)).join(' ');
}

/** Possessives and articles that do not change what is counted: "its revenue", "the global economy". */
const LEADING = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'all']);

/** Things that last, whose age a duration claim gives: "the war, now in its ninth month". */
const EVENT_NOUNS = new Set([
  'war', 'conflict', 'invasion', 'strike', 'protest', 'protests', 'siege', 'occupation', 'pandemic', 'lockdown',
  'shutdown', 'campaign', 'offensive', 'counteroffensive', 'talks', 'crisis', 'blockade', 'standoff', 'trial',
  'presidency', 'term', 'tenure', 'drought', 'outbreak', 'ceasefire', 'truce', 'negotiations', 'operation', 'fighting',
  'riots', 'rioting', 'clashes', 'unrest', 'violence', 'demonstrations', 'uprising', 'revolt', 'rebellion', 'insurgency',
]);

const EVENT_REACH = 12;

/** The nearest event noun before token `i` in its sentence: what "its ninth month" is the age of. */
export function eventBefore(tokens: readonly Token[], i: number, floor: number): Token | null {
  for (let k = i - 1; k >= floor && i - k <= EVENT_REACH; k--) if (EVENT_NOUNS.has(tokens[k].norm)) return tokens[k];
  return null;
}

/** An event noun right after a duration: "eight-month war", "the ninth day of the strike". */
export function isEventNoun(norm: string): boolean {
  return EVENT_NOUNS.has(norm);
}
