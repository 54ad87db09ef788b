import type { Token } from '../text/tokenize';
import {
  DOZEN,
  FRACTIONS,
  GLUED_MILLION,
  GLUED_SCALES,
  MAGNITUDES,
  SCALES,
  cardinalWord,
  ordinalWord,
} from './numberWords';
import { MONEY_UNITS, gluedUnit, moneyBefore, moneyPrefix, unitWord } from './units';
import type { Hedge } from './types';

// Reads one number at a token, in any form news writes it: 100,000 · 7.5 million · six million
// · $38 billion · €2.5bn · 15k · USD10m · twenty-five · a dozen · tens of thousands · a third
// of · two-thirds · eight-month · ninth · 7th. The tokenizer keeps "100,000", "2.5bn" and "7th"
// whole but splits "$" and "%" off and breaks "RM23.50" after the letters, so digits are read
// from the text itself and the tokens they cover are skipped.

export interface NumberReading {
  /** First token, a money sign before the number included. */
  first: number;
  /** One past the last token. */
  last: number;
  value: number;
  /** Only an order of magnitude ("dozens", "tens of thousands"): the true value is in [value, 10 × value]. */
  magnitude: boolean;
  ordinal: boolean;
  /** A share of a whole written as a fraction ("a third of", "two-thirds"); value is in percent. */
  share: boolean;
  /** A unit carried by the number's own tokens: "$", "USD10m", "10kW", "eight-month". */
  unit: string | null;
  /** The digits as written, for a plain integer ("2014", "24"); null otherwise. */
  integer: string | null;
  /** Letters glued to the digits that are not a scale or unit: "th", "pm", "s". */
  glued: string;
  /** What a scale word or glued letters multiplied the number by ("million", "bn"); 1 when none. */
  scale: number;
  /** A noun joined by a hyphen: "six-cylinder" → "cylinder", "65-year-old" → "year-old". */
  hyphenNoun: string | null;
  /** A hedge glued to the digits: "sub-7", "over-50". */
  gluedHedge: Hedge | null;
}

// A thousands group may follow a comma and a space when text was rebuilt from tokens ("2, 000ft");
// only a group that starts with 0 is read so, since "2, 300" is more often a list than a number.
const LITERAL = /(\d{1,3}(?:,\d{3}|, 0\d{2})*(?:,\d{3}|, 0\d{2})(?!\d)|\d*)(\.\d+)?([\p{L}µ°²³″]*)/uy;
const DIGIT = /\d/;
/** Words glued before digits: "minus-5" is negative, "sub-7" is under 7. */
const PREFIXES: Readonly<Record<string, { sign: number; hedge: Hedge | null }>> = {
  minus: { sign: -1, hedge: null },
  sub: { sign: 1, hedge: 'less-than' },
  under: { sign: 1, hedge: 'less-than' },
  over: { sign: 1, hedge: 'more-than' },
};
const ORDINAL_SUFFIX = /^(st|nd|rd|th)$/i;

export function readNumber(tokens: readonly Token[], text: string, i: number, floor: number, end: number): NumberReading | null {
  const t = tokens[i];
  const measured = t.kind === 'word' ? MEASURE_GLUED.exec(t.norm) : null;
  if (measured !== null) return gluedMeasure(tokens, i, end, measured);
  if (t.kind === 'number' || (t.kind === 'word' && DIGIT.test(t.text))) return readDigits(tokens, text, i, floor, end);
  if (t.kind === 'word') return readWords(tokens, i, end);
  return null;
}

function readDigits(tokens: readonly Token[], text: string, i: number, floor: number, end: number): NumberReading | null {
  const before = startOfDigits(tokens, text, i, floor);
  if (before === null) return null;
  LITERAL.lastIndex = before.at;
  const m = LITERAL.exec(text);
  if (!m || (m[1] === '' && m[2] === undefined)) return null;
  const literalEnd = before.at + m[0].length;
  let last = i;
  while (last < end && tokens[last].start < literalEnd) last++;

  const glued = readGlued(m[3], before.unit);
  const reading: NumberReading = {
    first: before.first,
    last,
    value: before.sign * Number(m[1].replace(/,\s?/g, '') + (m[2] ?? '')) * glued.scale,
    magnitude: false,
    ordinal: glued.ordinal,
    share: false,
    unit: glued.unit,
    integer: m[2] === undefined && m[1].indexOf(',') < 0 && glued.scale === 1 ? m[1] : null,
    glued: glued.rest,
    scale: glued.scale,
    hyphenNoun: null,
    gluedHedge: before.gluedHedge,
  };
  if (!reading.ordinal && !readFraction(tokens, text, reading, literalEnd, m, end)) applyScales(tokens, reading, end);
  return reading;
}

/** "1/16 of a US pint", "1⁄32 of a quart": a fraction written with a slash, before "of". */
const FRACTION = /[/⁄](\d{1,4})(?![\d/⁄])/y;

/**
 * Reads a fraction on into `reading`: its value a share in percent, like "a third of". Only
 * before "of": "9/11" and "24/7" name things, and "3/4" alone may be a date.
 */
function readFraction(tokens: readonly Token[], text: string, reading: NumberReading, at: number, m: RegExpExecArray, end: number): boolean {
  if (reading.integer === null || m[3] !== '') return false;
  FRACTION.lastIndex = at;
  const f = FRACTION.exec(text);
  if (f === null) return false;
  const denominator = Number(f[1]);
  const stop = at + f[0].length;
  let last = reading.last;
  while (last < end && tokens[last].start < stop) last++;
  if (denominator < 2 || reading.value >= denominator || tokens[last]?.norm !== 'of') return false;
  reading.value = (reading.value / denominator) * 100;
  share(reading);
  reading.integer = null;
  reading.last = last;
  return true;
}

interface DigitsStart {
  /** First token of the number, a money sign or "minus" included. */
  first: number;
  /** Text offset where the digits (or a leading ".") begin. */
  at: number;
  unit: string | null;
  sign: number;
  gluedHedge: Hedge | null;
}

/** What stands before the digits: a money sign or code, "minus", letters glued on ("USD10m"), a leading ".". */
function startOfDigits(tokens: readonly Token[], text: string, i: number, floor: number): DigitsStart | null {
  const t = tokens[i];
  const start: DigitsStart = { first: i, at: t.start, unit: null, sign: 1, gluedHedge: null };
  if (t.kind === 'word') {
    // "USD10m", "RM23.50", "$US55,931,000", "minus-130", "sub-7".
    const m = /^(\p{L}+)(-?)(?=\d)/u.exec(t.text);
    if (!m) return null;
    const letters = m[1].toLowerCase();
    const prefix = m[2] === '-' ? PREFIXES[letters] : undefined;
    if (prefix !== undefined) {
      start.sign = prefix.sign;
      start.gluedHedge = prefix.hedge;
    } else {
      const signBefore = i - 1 >= floor && tokens[i - 1].text === '$' && tokens[i - 1].end === t.start;
      start.unit = m[2] === '' ? moneyPrefix(letters, signBefore) : null;
      if (start.unit === null) return null;
      if (signBefore) start.first = i - 1;
    }
    start.at = t.start + m[0].length;
    return start;
  }
  const money = moneyBefore(tokens, i, floor);
  if (money) {
    start.unit = money.unit;
    start.first = money.first;
  }
  const before = i - 1 >= floor ? tokens[i - 1] : undefined;
  if (before === undefined) return start;
  if (before.text === '.' && before.end === t.start && !DIGIT.test(text[before.start - 1] ?? '')) {
    // ".001 per cent"
    start.at = before.start;
    start.first = i - 1;
  } else if (before.norm === 'minus' || (before.text === '-' && before.end === t.start && tokens[i - 2]?.text === '$')) {
    // "minus 387", "$-50.8bn"
    start.sign = -1;
    const sign = before.text === '-' ? moneyBefore(tokens, i - 1, floor) : null;
    if (sign) start.unit = sign.unit;
    start.first = Math.min(start.first, sign ? sign.first : i - 1);
  }
  return start;
}

/** Letters glued to the digits: a scale ("bn", "k", "m" after money), an ordinal suffix, or a unit ("kW", "pc"). */
function readGlued(glued: string, unit: string | null): { scale: number; ordinal: boolean; unit: string | null; rest: string } {
  if (glued === '') return { scale: 1, ordinal: false, unit, rest: '' };
  const lower = glued.toLowerCase();
  const money = unit !== null && MONEY_UNITS.has(unit);
  const scale = GLUED_SCALES[lower] ?? (glued === 'M' || (lower === GLUED_MILLION && money) ? 1e6 : undefined);
  if (scale !== undefined) return { scale, ordinal: false, unit, rest: '' };
  if (ORDINAL_SUFFIX.test(glued)) return { scale: 1, ordinal: true, unit, rest: glued };
  const gluedUnitName = gluedUnit(glued);
  if (gluedUnitName !== null) return { scale: 1, ordinal: false, unit: unit ?? gluedUnitName, rest: '' };
  return { scale: 1, ordinal: false, unit, rest: glued };
}

/** "7.5 million", "4 hundred million", "1.8 billion-mile": scale words after a number. */
function applyScales(tokens: readonly Token[], r: NumberReading, end: number): void {
  while (r.last < end && tokens[r.last].kind === 'word') {
    const norm = tokens[r.last].norm;
    const scale = norm === 'k' ? undefined : SCALES[norm];
    if (scale !== undefined) {
      r.value *= scale;
      r.scale *= scale;
      r.integer = null;
      r.last++;
      continue;
    }
    const dash = norm.indexOf('-');
    const head = dash > 0 ? SCALES[norm.slice(0, dash)] : undefined;
    if (head !== undefined) {
      r.value *= head;
      r.scale *= head;
      r.integer = null;
      attachHyphenRest(r, norm.slice(dash + 1));
      r.last++;
    }
    return;
  }
}

/** "-month", "-mile", "-year-old", "-cylinder": what a hyphen glues to a number. */
function attachHyphenRest(r: NumberReading, rest: string): void {
  // "five-plus months": a hedge, as in "10,000-plus".
  if (rest === 'plus') {
    r.gluedHedge = 'more-than';
    return;
  }
  const unit = unitWord(rest);
  if (unit !== null) r.unit = r.unit ?? unit;
  else r.hyphenNoun = rest;
  if (rest.endsWith('-old')) r.hyphenNoun = rest;
}

/** What happens to people, after "no one" ("no one was killed", "nobody has been hurt"). */
const NONE_HURT = new Set(['killed', 'died', 'dead', 'hurt', 'injured', 'wounded']);
const NONE_AUXILIARIES = new Set(['was', 'were', 'is', 'has', 'had', 'have', 'been', 'reportedly', 'seriously', 'badly']);

function tollOfNoneAt(tokens: readonly Token[], k: number, end: number): boolean {
  for (let n = k; n < end && n - k < 4; n++) {
    if (NONE_HURT.has(tokens[n].norm)) return true;
    if (!NONE_AUXILIARIES.has(tokens[n].norm)) return false;
  }
  return false;
}

function readWords(tokens: readonly Token[], i: number, end: number): NumberReading | null {
  const t = tokens[i];
  const next = tokens[i + 1];
  const nextNorm = i + 1 < end ? next.norm : '';
  const base = (value: number, last: number): NumberReading => ({
    first: i, last, value, magnitude: false, ordinal: false, share: false, unit: null,
    integer: null, glued: '', scale: 1, hyphenNoun: null, gluedHedge: null,
  });

  // "a million", "a dozen", "a third of", "half a million", "half of".
  if (t.norm === 'a' || t.norm === 'an') {
    const scale = SCALES[nextNorm];
    if (scale !== undefined && nextNorm !== 'k' && nextNorm.length > 2) return withMoreScales(tokens, base(scale, i + 2), scale, end);
    if (nextNorm === 'dozen') return base(DOZEN, i + 2);
    if (FRACTIONS[nextNorm] !== undefined && tokens[i + 2]?.norm === 'of' && i + 2 < end) return share(base(FRACTIONS[nextNorm], i + 2));
    return null;
  }
  if (t.norm === 'half') {
    if (nextNorm === 'a' && SCALES[tokens[i + 2]?.norm ?? ''] !== undefined && i + 2 < end) return base(SCALES[tokens[i + 2].norm] / 2, i + 3);
    if (nextNorm === 'of' || nextNorm === 'the') return share(base(FRACTIONS.half, i + 1));
    return null;
  }
  // "several dozen", "a few hundred": an order of magnitude, as "dozens" and "hundreds" are.
  const vague = tokens[i - 1]?.norm === 'several' || (tokens[i - 1]?.norm === 'few' && tokens[i - 2]?.norm === 'a');
  if (vague && (t.norm === 'dozen' || t.norm === 'hundred' || t.norm === 'thousand' || t.norm === 'million')) {
    const r = base(t.norm === 'dozen' ? DOZEN : SCALES[t.norm], i + 1);
    r.first = tokens[i - 1].norm === 'few' ? i - 2 : i - 1;
    r.magnitude = true;
    return r;
  }
  if (t.norm === 'dozen') return base(DOZEN, i + 1);
  // "No one was killed", "nobody was hurt": a toll of none, against another report's twelve.
  const none = t.norm === 'nobody' ? i + 1 : t.norm === 'no' && nextNorm === 'one' ? i + 2 : -1;
  if (none > 0 && tollOfNoneAt(tokens, none, end)) return base(0, none);
  // A scale word alone is read only after a number ("two hundred"), which reads it itself.
  if (t.norm === 'hundred' || t.norm === 'thousand' || t.norm === 'million') return null;

  // "dozens of", "tens of thousands of", "hundreds of millions": orders of magnitude.
  const magnitude = MAGNITUDES[t.norm];
  if (magnitude !== undefined) {
    let value = magnitude;
    let last = i + 1;
    const further = i + 2 < end ? MAGNITUDES[tokens[i + 2].norm] : undefined;
    if (nextNorm === 'of' && further !== undefined && further > magnitude) {
      value = magnitude * further;
      last = i + 3;
    }
    if (t.norm === 'tens' && value === magnitude) return null;
    const r = base(value, last);
    r.magnitude = true;
    return r;
  }

  const ordinal = ordinalWord(t.norm);
  if (ordinal !== undefined) {
    const r = base(ordinal, i + 1);
    r.ordinal = true;
    return r;
  }

  // "two-thirds", "one-third", "three-quarters".
  const dash = t.norm.indexOf('-');
  if (dash > 0) {
    const head = cardinalWord(t.norm.slice(0, dash));
    const rest = t.norm.slice(dash + 1);
    if (head !== undefined && FRACTIONS[rest] !== undefined && cardinalWord(t.norm) === undefined) return share(base(head * FRACTIONS[rest], i + 1));
  }

  return readCardinals(tokens, i, end, base);
}

/** "magnitude-6.1": a measure's name glued to its figure by a hyphen (the tokenizer splits at the point). */
const MEASURE_GLUED = /^(magnitude)-(\d+)$/;

function gluedMeasure(tokens: readonly Token[], i: number, end: number, m: RegExpExecArray): NumberReading {
  const point = tokens[i + 1];
  const decimals = tokens[i + 2];
  const glued = i + 2 < end && point.text === '.' && point.start === tokens[i].end && decimals.kind === 'number' && decimals.start === point.end && /^\d+$/.test(decimals.text);
  const digits = glued ? `${m[2]}.${decimals.text}` : m[2];
  return {
    first: i, last: glued ? i + 3 : i + 1, value: Number(digits), magnitude: false, ordinal: false, share: false, unit: null,
    integer: glued ? null : m[2], glued: '', scale: 1,
    // Read as "6.1-magnitude": the measure is what the figure counts.
    hyphenNoun: m[1], gluedHedge: null,
  };
}

/** "six million", "twenty-five thousand", "one hundred and fifty", "eight-month". */
function readCardinals(
  tokens: readonly Token[],
  i: number,
  end: number,
  base: (value: number, last: number) => NumberReading,
): NumberReading | null {
  let total = 0;
  let current = 0;
  let k = i;
  let any = false;
  let hyphenRest: string | null = null;
  while (k < end) {
    const norm = tokens[k].norm;
    const word = cardinalWord(norm);
    if (word !== undefined) {
      current += word;
      any = true;
      k++;
      continue;
    }
    const dash = norm.indexOf('-');
    if (dash > 0 && cardinalWord(norm.slice(0, dash)) !== undefined && cardinalWord(norm) === undefined) {
      // "eight-month", "six-cylinder": the number and what it measures in one word.
      current += cardinalWord(norm.slice(0, dash)) as number;
      hyphenRest = norm.slice(dash + 1);
      any = true;
      k++;
      break;
    }
    if (!any) return null;
    if (norm === 'hundred') {
      current = (current || 1) * 100;
      k++;
      continue;
    }
    const scale = norm === 'k' ? undefined : SCALES[norm];
    if (scale !== undefined && scale >= 1000) {
      total += (current || 1) * scale;
      current = 0;
      k++;
      continue;
    }
    // "one hundred and fifty": "and" joins only when a number word follows.
    if (norm === 'and' && k + 1 < end && cardinalWord(tokens[k + 1].norm) !== undefined && total + current >= 100) {
      k++;
      continue;
    }
    break;
  }
  if (!any) return null;
  const r = base(total + current, k);
  if (total > 0 && current === 0) r.scale = largestScale(total);
  if (hyphenRest !== null) attachHyphenRest(r, hyphenRest);
  return r;
}

function withMoreScales(tokens: readonly Token[], r: NumberReading, scale: number, end: number): NumberReading {
  r.scale = scale;
  applyScales(tokens, r, end);
  return r;
}

/** "six million" was written as six times a million: the scale is the largest power of 1000 dividing it. */
function largestScale(total: number): number {
  let scale = 1;
  while (total % (scale * 1000) === 0) scale *= 1000;
  return scale;
}

function share(r: NumberReading): NumberReading {
  r.share = true;
  r.unit = 'percent';
  return r;
}
