// Numbers written as words, and the words that scale a number. Tables, so that a reader
// can add "crore" or "lakh" without touching the parser.

export const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};

export const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words that multiply the number before them: "7.5 million", "six hundred". */
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12, k: 1e3,
  crore: 1e7, lakh: 1e5,
};

/**
 * Letters glued to digits that scale them ("2.5bn", "15k", "$10m", "4.3M"). A lone "m" after
 * a number is metres unless money is involved, so it is listed apart.
 */
export const GLUED_SCALES: Readonly<Record<string, number>> = { k: 1e3, bn: 1e9, b: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12 };
export const GLUED_MILLION = 'm';

/** "dozens", "hundreds of", "tens of thousands": an order of magnitude, [base, 10 × base]. */
export const MAGNITUDES: Readonly<Record<string, number>> = {
  dozens: 12, scores: 20, tens: 10, hundreds: 1e2, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
};

export const DOZEN = 12;

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100,
};

/** Fractions of a whole, as a share in percent: "a third of", "two-thirds", "half". */
export const FRACTIONS: Readonly<Record<string, number>> = {
  half: 50, halves: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fourth: 25, fourths: 25,
  fifth: 20, fifths: 20, tenth: 10, tenths: 10,
};

/** The value of a single number word, or undefined: "seven", "twenty-five", "forty". */
export function cardinalWord(norm: string): number | undefined {
  const simple = UNITS[norm] ?? TENS[norm];
  if (simple !== undefined) return simple;
  const dash = norm.indexOf('-');
  if (dash < 0) return undefined;
  const tens = TENS[norm.slice(0, dash)];
  const unit = UNITS[norm.slice(dash + 1)];
  return tens !== undefined && unit !== undefined && unit > 0 && unit < 10 ? tens + unit : undefined;
}

/** The value of an ordinal word or "7th"-style token, or undefined. */
export function ordinalWord(norm: string): number | undefined {
  const word = ORDINALS[norm];
  if (word !== undefined) return word;
  const dash = norm.indexOf('-');
  if (dash > 0) {
    const tens = TENS[norm.slice(0, dash)];
    const unit = ORDINALS[norm.slice(dash + 1)];
    if (tens !== undefined && unit !== undefined && unit < 10) return tens + unit;
  }
  const m = /^(\d+)(st|nd|rd|th)$/.exec(norm);
  return m ? Number(m[1]) : undefined;
}
