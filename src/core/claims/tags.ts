import { lexicon, toSingular } from '../text/compromiseData';

// The compromise tags that claims need beyond the engine's word classes (text/lexicon.ts):
// units, currencies, countries as opposed to cities, demonyms, words for people. Read once from
// compromise's lexicon and asked per word, so no sentence is ever run through its tagger.

export const enum Tag {
  Unit = 1 << 0,
  Currency = 1 << 1,
  Country = 1 << 2,
  /** A city, region or other place below a country. */
  Locality = 1 << 3,
  Month = 1 << 4,
  WeekDay = 1 << 5,
  Demonym = 1 << 6,
  /** A word for a person or a group of people: actor, soldier, teacher. */
  Actor = 1 << 7,
  Noun = 1 << 8,
  Verb = 1 << 9,
}

const TAG_OF: Record<string, Tag> = {
  Unit: Tag.Unit,
  Currency: Tag.Currency,
  Country: Tag.Country,
  City: Tag.Locality,
  Region: Tag.Locality,
  Place: Tag.Locality,
  Month: Tag.Month,
  WeekDay: Tag.WeekDay,
  Demonym: Tag.Demonym,
  Actor: Tag.Actor,
  Noun: Tag.Noun,
  Singular: Tag.Noun,
  Plural: Tag.Noun,
  Uncountable: Tag.Noun,
  Verb: Tag.Verb,
  PastTense: Tag.Verb,
  PresentTense: Tag.Verb,
  Infinitive: Tag.Verb,
  Gerund: Tag.Verb,
  Participle: Tag.Verb,
  Modal: Tag.Verb,
  Copula: Tag.Verb,
};

const cache = new Map<string, number>();

/** compromise's tags of a lower-case word, as bit flags. */
export function tagsOf(norm: string): number {
  let f = cache.get(norm);
  if (f !== undefined) return f;
  f = 0;
  const tags = lexicon()[norm];
  if (tags !== undefined) for (const t of Array.isArray(tags) ? tags : [tags]) f |= TAG_OF[t] ?? 0;
  cache.set(norm, f);
  return f;
}

export function hasTag(norm: string, tag: Tag): boolean {
  return (tagsOf(norm) & tag) !== 0;
}

const singulars = new Map<string, string>();

/** The singular of a lower-case noun, by compromise's inflection rules ("casualties" → "casualty"). */
export function singular(norm: string): string {
  let s = singulars.get(norm);
  if (s === undefined) {
    s = norm.endsWith('s') && !norm.endsWith('ss') ? toSingular(norm) : norm;
    singulars.set(norm, s);
  }
  return s;
}
