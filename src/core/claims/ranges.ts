import type { Token } from '../text/tokenize';
import { readNumber, type NumberReading } from './numbers';
import { unitAfter } from './units';

// Ranges: "20,000 to 30,000", "20,000-30,000", "between 40 and 50", "from $3 billion to $5
// billion", "5% to 6%", "three or four years". The scale is often written once, on the
// second end ("20 to 30 million"), and the unit once or on both ends.

/** Words joining the two ends; "and" only after "between", "or" only for small neighbours. */
const JOINERS = new Set(['to', '-', '–', '—', 'through', 'and', 'or']);
const DASHES = new Set(['-', '–', '—']);

export interface Range {
  /** The second number. */
  reading: NumberReading;
  low: number;
  high: number;
  /** The unit written on the ends, when the first end has one ("5% to 6%"). */
  unit: string | null;
  /** One past the range's last token, the second end's unit included. */
  last: number;
}

export function rangeAfter(
  tokens: readonly Token[],
  text: string,
  a: NumberReading,
  between: boolean,
  floor: number,
  end: number,
): Range | null {
  if (a.ordinal || a.magnitude) return null;
  let j = a.last;
  const firstUnit = a.unit === null ? unitAfter(tokens, j, end) : null;
  if (firstUnit !== null) j = firstUnit.last;
  if (j + 1 >= end) return null;
  const joiner = tokens[j].norm;
  if (!JOINERS.has(joiner) || (joiner === 'and' && !between)) return null;
  // "increased by $43.6 billion to $419.2 billion": a change, then the new level.
  if (joiner === 'to' && tokens[a.first - 1]?.norm === 'by') return null;

  // The second end may start with its own money sign: "$62 and $68".
  let b = readNumber(tokens, text, j + 1, floor, end);
  if (b === null && j + 2 < end && tokens[j + 1].kind === 'punct') {
    b = readNumber(tokens, text, j + 2, floor, end);
    if (b !== null && b.first !== j + 1) b = null;
  }
  if (b === null || b.ordinal || b.magnitude || a.share !== b.share) return null;

  let low = a.value;
  // "20 to 30 million": the scale is written once, on the second end.
  if (a.scale === 1 && b.scale > 1 && a.value > 0 && a.value <= (b.value / b.scale) * 10) low = a.value * b.scale;

  if (DASHES.has(joiner)) {
    // Tight hyphens only, and rising: "20,000-30,000", not "2-0" (a score) or "16 - 18".
    const tight = tokens[j].start === tokens[j - 1].end && tokens[j].end === tokens[j + 1].start;
    if (joiner === '-' && !tight) return null;
    if (!(b.value > low)) return null;
  }
  if (joiner === 'or' && !(b.value > low && b.value <= low * 2 && a.scale === 1)) return null;
  if (low === b.value) return null;

  // Both ends in one unit: "9.4 per cent to $84" is a change and a price, not a range.
  let last = b.last;
  const unitA = a.unit ?? firstUnit?.unit ?? null;
  let unitB = b.unit;
  if (unitB === null && unitA !== null) {
    const second = unitAfter(tokens, b.last, end);
    if (second !== null) {
      unitB = second.unit;
      last = second.last;
    }
  }
  if (unitA !== null && unitB !== null && unitA !== unitB) return null;
  return { reading: b, low: Math.min(low, b.value), high: Math.max(low, b.value), unit: firstUnit?.unit ?? null, last };
}
