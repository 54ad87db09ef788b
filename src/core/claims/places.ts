import { Tag, hasTag } from './tags';

// Place names in one spelling, so that "Kiev" and "Kyiv", "the U.S." and "America" are one
// place when claims are compared; and the country a demonym belongs to ("Ukrainian" →
// Ukraine). compromise knows which words are countries and which are cities; these tables
// add the spellings and demonyms it does not join.

const ALIASES: Readonly<Record<string, string>> = {
  kiev: 'kyiv', 'u.s.': 'us', us: 'us', usa: 'us', 'u.s.a.': 'us', america: 'us', 'united states': 'us',
  'united states of america': 'us', uk: 'uk', 'u.k.': 'uk', britain: 'uk', 'great britain': 'uk', 'united kingdom': 'uk',
  kharkov: 'kharkiv', odessa: 'odesa', dnieper: 'dnipro', 'donbass': 'donbas', 'the donbas': 'donbas',
};

const DEMONYM_COUNTRY: Readonly<Record<string, string>> = {
  ukrainian: 'ukraine', russian: 'russia', american: 'us', british: 'uk', chinese: 'china', french: 'france',
  german: 'germany', syrian: 'syria', israeli: 'israel', palestinian: 'palestine', iranian: 'iran', iraqi: 'iraq',
  afghan: 'afghanistan', polish: 'poland', turkish: 'turkey', indian: 'india', japanese: 'japan', canadian: 'canada',
  australian: 'australia', mexican: 'mexico', italian: 'italy', spanish: 'spain', belarusian: 'belarus',
  georgian: 'georgia', moldovan: 'moldova', lebanese: 'lebanon', yemeni: 'yemen', sudanese: 'sudan', libyan: 'libya',
  egyptian: 'egypt', saudi: 'saudi arabia', pakistani: 'pakistan', venezuelan: 'venezuela', brazilian: 'brazil',
  'north korean': 'north korea', 'south korean': 'south korea', korean: 'korea', taiwanese: 'taiwan',
  european: 'europe', asian: 'asia', african: 'africa', 'latin american': 'latin america', arab: 'arab world',
};

/** Areas wider than a country, which count as countries when places are compared. */
const WIDE_AREAS = ['europe', 'asia', 'africa', 'latin america', 'arab world', 'middle east', 'world'];

/** The one spelling of a place written `norm` (lower case), or the word itself. */
export function placeName(norm: string): string {
  return ALIASES[norm] ?? norm;
}

/** The one spelling of a place this table knows ("u.s." → "us"), or null. */
export function knownAlias(norm: string): string | null {
  return ALIASES[norm] ?? null;
}

export function countryOfDemonym(norm: string): string | null {
  return DEMONYM_COUNTRY[norm] ?? DEMONYM_COUNTRY[norm.replace(/s$/, '')] ?? null;
}

const COUNTRIES = new Set(['us', 'uk', ...Object.values(DEMONYM_COUNTRY), ...WIDE_AREAS]);

/** A country or wider, as opposed to a city or region: a country's figure may be compared with one that names no place. */
export function isCountry(place: string): boolean {
  return COUNTRIES.has(place) || hasTag(place, Tag.Country);
}
