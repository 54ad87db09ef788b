import type { Token } from '../text/tokenize';
import { Tag, hasTag } from './tags';

// Units: money before the number ("$", "€", "US$", "USD"), and after it ("percent", "per cent",
// "miles", "km/h", "Australian dollars", "a month"). Written forms map to one canonical name
// so that "20%" and "20 percent" are the same unit. compromise's Unit and Duration tags cover
// the long tail of measurement words not listed here.

/** Money signs and codes that stand before the number. */
const MONEY_BEFORE: Readonly<Record<string, string>> = {
  $: 'USD', 'us$': 'USD', '$us': 'USD', usd: 'USD', 'a$': 'AUD', 'au$': 'AUD', '$a': 'AUD', aud: 'AUD',
  'c$': 'CAD', 'ca$': 'CAD', cad: 'CAD', 'hk$': 'HKD', hkd: 'HKD', 'nz$': 'NZD', nzd: 'NZD', 's$': 'SGD',
  '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '¥': 'JPY', jpy: 'JPY', 'y=': 'JPY', '₹': 'INR', rs: 'INR',
  '₽': 'RUB', '₴': 'UAH', rm: 'MYR', chf: 'CHF', cny: 'CNY', rmb: 'CNY',
  // Text run through unidecode, as some news feeds are, spells "£" as "PS".
  ps: 'GBP',
};

/** Units after the number, longest phrase first. Keys are lower-case words joined by spaces. */
const UNIT_AFTER: Readonly<Record<string, string>> = {
  '%': 'percent', percent: 'percent', 'per cent': 'percent', pc: 'percent', pct: 'percent', 'per-cent': 'percent',
  'percentage points': 'percentage points', 'percentage point': 'percentage points', 'basis points': 'basis points', 'basis point': 'basis points', bps: 'basis points',
  dollars: 'USD', dollar: 'USD', 'us dollars': 'USD', 'u.s. dollars': 'USD', 'australian dollars': 'AUD', 'canadian dollars': 'CAD',
  'hong kong dollars': 'HKD', 'new zealand dollars': 'NZD', euros: 'EUR', euro: 'EUR', '€': 'EUR', '$': 'USD',
  'pounds sterling': 'GBP', sterling: 'GBP', '£': 'GBP', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupees: 'INR',
  shekels: 'ILS', shekel: 'ILS', roubles: 'RUB', rubles: 'RUB', hryvnias: 'UAH', hryvnia: 'UAH', francs: 'CHF',
  'danish crowns': 'DKK', 'swedish crowns': 'SEK', 'norwegian crowns': 'NOK', kronor: 'SEK', krona: 'SEK', kroner: 'NOK',
  cents: 'cents', cent: 'cents', pence: 'pence', p: 'pence',
  miles: 'miles', mile: 'miles', mi: 'miles', km: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km',
  m: 'metres', metres: 'metres', meters: 'metres', metre: 'metres', meter: 'metres', ft: 'feet', feet: 'feet', foot: 'feet',
  inches: 'inches', inch: 'inches', '″': 'inches', yards: 'yards', yard: 'yards', yd: 'yards', cm: 'cm', mm: 'mm',
  nm: 'nm', nanometres: 'nm', nanometers: 'nm', nanometer: 'nm', 'μm': 'μm', 'µm': 'μm',
  'square miles': 'square miles', 'square mile': 'square miles', 'sq mi': 'square miles', 'square kilometres': 'km²',
  'square kilometers': 'km²', 'sq km': 'km²', km2: 'km²', 'km²': 'km²', 'square feet': 'square feet', 'square foot': 'square feet',
  'sq ft': 'square feet', 'sq m': 'm²', 'square metres': 'm²', 'square meters': 'm²', m2: 'm²', 'm²': 'm²',
  acres: 'acres', acre: 'acres', hectares: 'hectares', hectare: 'hectares',
  kg: 'kg', kilograms: 'kg', kilogram: 'kg', kilos: 'kg', g: 'g', grams: 'g', gram: 'g', mg: 'mg', lb: 'lb', lbs: 'lb',
  pounds: 'pounds', tonnes: 'tonnes', tonne: 'tonnes', tons: 'tons', ton: 'tons', t: 'tonnes', ounces: 'ounces', ounce: 'ounces', oz: 'ounces',
  litres: 'litres', liters: 'litres', litre: 'litres', liter: 'litres', l: 'litres', ml: 'ml', gallons: 'gallons', gallon: 'gallons',
  barrels: 'barrels', barrel: 'barrels', bbl: 'barrels', 'cubic feet': 'cubic feet', 'cubic metres': 'm³', 'cubic meters': 'm³',
  mph: 'mph', 'km/h': 'km/h', 'km/hr': 'km/h', kph: 'km/h', knots: 'knots', 'miles per hour': 'mph', 'kilometres per hour': 'km/h',
  w: 'W', watts: 'W', kw: 'kW', kilowatts: 'kW', mw: 'MW', megawatts: 'MW', gw: 'GW', gigawatts: 'GW',
  kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh', hp: 'hp', bhp: 'hp', horsepower: 'hp', volts: 'V', v: 'V', mah: 'mAh',
  gb: 'GB', mb: 'MB', tb: 'TB', kb: 'KB', gigabytes: 'GB', megabytes: 'MB', terabytes: 'TB', ghz: 'GHz', mhz: 'MHz', hz: 'Hz',
  degrees: 'degrees', degree: 'degrees', 'degrees celsius': '°C', 'degrees fahrenheit': '°F', '°c': '°C', '°f': '°F',
  celsius: '°C', fahrenheit: '°F', c: '°C', f: '°F',
  seconds: 'seconds', second: 'seconds', secs: 'seconds', sec: 'seconds', minutes: 'minutes', minute: 'minutes',
  mins: 'minutes', min: 'minutes', hours: 'hours', hour: 'hours', hrs: 'hours', hr: 'hours', h: 'hours',
  days: 'days', day: 'days', weeks: 'weeks', week: 'weeks', months: 'months', month: 'months', years: 'years', year: 'years',
  yrs: 'years', decades: 'decades', decade: 'decades', centuries: 'centuries', century: 'centuries',
  rpm: 'rpm', ppm: 'ppm', ppb: 'ppb', decibels: 'dB', db: 'dB', nm2: 'Nm', 'lb-ft': 'lb-ft', gpa: 'GPa', times: 'times',
  points: 'points', point: 'points', pts: 'points',
};

/** Units that are money: a glued "m" after them is "million", not "metres". */
export const MONEY_UNITS = new Set(['USD', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'EUR', 'GBP', 'JPY', 'INR', 'RUB', 'UAH', 'MYR', 'CHF', 'CNY', 'ILS', 'DKK', 'SEK', 'NOK']);

/** Units of time: "eight-month", "in its ninth month". */
export const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries']);

/** Single letters that are units only when glued to the number ("5g", "10W"): alone they are words. */
const GLUED_ONLY = new Set(['m', 'g', 'l', 't', 'w', 'v', 'c', 'f', 'h', 'p', 'mi']);

const MAX_UNIT_WORDS = 3;

/** A money sign or code before the number: `$`, `US$`, `€`, `USD` (also glued: "USD10m", "RM23"). */
export function moneyBefore(tokens: readonly Token[], i: number, floor: number): { unit: string; first: number } | null {
  const t = tokens[i - 1];
  if (i - 1 < floor || t === undefined) return null;
  const prev = tokens[i - 2];
  if (t.text === '$' || t.text === '=') {
    // "US$ 5", "HK $216,925", "Y=590": a code glued before the sign, or standing apart.
    if (prev && i - 2 >= floor && prev.kind === 'word') {
      const code = MONEY_BEFORE[prev.norm + t.text];
      if (code !== undefined) return { unit: code, first: i - 2 };
    }
    return t.text === '$' ? { unit: 'USD', first: i - 1 } : null;
  }
  const unit = MONEY_BEFORE[t.norm];
  if (unit !== undefined && (t.kind === 'punct' || /^[a-z]{2,3}$/.test(t.norm))) {
    // "USD 10", "Rs 500" — but not the pronoun "us" or an "rm" that is not money.
    if (t.kind === 'word' && t.text !== t.text.toUpperCase() && t.norm !== 'rs') return null;
    return { unit, first: i - 1 };
  }
  return null;
}

/** Letters glued before the digits of a word token: "USD10m" → USD, "$US55" → USD. */
export function moneyPrefix(letters: string, signBefore: boolean): string | null {
  const key = (signBefore ? '$' : '') + letters.toLowerCase();
  return MONEY_BEFORE[key] ?? null;
}

/** First words of the units of several words ("square", "per"): tokens hold no spaces. */
const MULTI_WORD_FIRSTS = new Set(Object.keys(UNIT_AFTER).filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]));

/** The unit written directly after the number, from token `i` on: tokens used and canonical name. */
export function unitAfter(tokens: readonly Token[], i: number, end: number): { unit: string; last: number } | null {
  if (i >= end) return null;
  // "km/h" arrives as km, /, h.
  if (i + 2 < end && tokens[i + 1].text === '/') {
    const unit = UNIT_AFTER[`${tokens[i].norm}/${tokens[i + 2].norm}`];
    if (unit !== undefined) return { unit, last: i + 3 };
  }
  // The keys of one to MAX_UNIT_WORDS words, each built on the last, and only after a word that
  // starts a unit of several (this runs for every number).
  const keys = [tokens[i].norm];
  const longest = MULTI_WORD_FIRSTS.has(keys[0]) ? Math.min(MAX_UNIT_WORDS, end - i) : 1;
  for (let n = 2; n <= longest; n++) keys.push(`${keys[n - 2]} ${tokens[i + n - 1].norm}`);
  for (let n = keys.length; n >= 1; n--) {
    const key = keys[n - 1];
    const unit = UNIT_AFTER[key];
    if (unit === undefined || (n === 1 && GLUED_ONLY.has(key) && tokens[i].kind !== 'punct')) continue;
    return { unit, last: i + n };
  }
  const t = tokens[i];
  if (t.kind === 'word' && hasTag(t.norm, Tag.Unit) && !hasTag(t.norm, Tag.Verb)) return { unit: t.norm, last: i + 1 };
  return null;
}

/** The unit spelled by letters glued to the digits: "10kW" → kW, "40min" → minutes, "5pc" → percent. */
export function gluedUnit(letters: string): string | null {
  return UNIT_AFTER[letters.toLowerCase()] ?? null;
}

/** A unit word used inside a hyphenated word: "eight-month", "billion-mile" → months, miles. */
export function unitWord(norm: string): string | null {
  const unit = UNIT_AFTER[norm];
  if (unit !== undefined && !GLUED_ONLY.has(norm)) return unit;
  return hasTag(norm, Tag.Unit) ? norm : null;
}
