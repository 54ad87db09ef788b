import type { Span } from '../types';
import type { ClaimFrame } from './frame';

// A numeric claim: one figure a document states, read as an interval together with what it
// counts. The workspace links claims in different files that measure the same thing and
// says whether their intervals agree.
//
// Hedge vocabulary (`hedge`), and the interval [low, high] each one gives:
//   null          the number as written: "100,000"                    → [v, v]
//   'approximate' about, around, roughly, some, approximately, ~      → [v − 10%, v + 10%]
//   'nearly'      close to, nearly, almost, just under, just shy of    → [v − 10%, v]
//   'more-than'   more than, over, well over, above, upwards of, 10,000-plus → [v, ∞)
//   'at-least'    at least, no fewer than, a minimum of, or more       → [v, ∞)
//   'less-than'   fewer than, less than, under, below                  → [0, v]
//   'at-most'     as many as, up to, no more than, at most, a maximum of → [0, v]
//   'range'       20,000 to 30,000, 20,000-30,000, between 40 and 50  → [a, b]; value is null
//                 ("about 20,000 to 30,000" is a range widened by 10% at both ends)
//   'magnitude'   dozens, hundreds of, tens of thousands, millions of  → [base, 10 × base]; value is null
//   'ordinal'     "in its ninth month": the ninth is under way          → [v − 1, v]
// An unbounded side is null in `low`/`high` (JSON has no infinity). Rounding is not part of
// the interval: the workspace allows for it when it compares two claims.

export type Hedge =
  | 'approximate'
  | 'nearly'
  | 'more-than'
  | 'at-least'
  | 'less-than'
  | 'at-most'
  | 'range'
  | 'magnitude'
  | 'ordinal';

/**
 * Why a claim is never compared across files (it is still reported):
 * change: "shares rose 5%" — a change over a period the text rarely states the same way twice.
 * share:  "one of the best", "one in five of them" with nothing counted — too little to compare.
 * question: "before throwing another 100,000 lives into the abyss?" — asked, not asserted.
 * per-item: "two Americans were killed at each location" — a figure for each of several things, not a total.
 */
export type NotComparable = 'change' | 'share' | 'question' | 'per-item' | 'threshold';

export interface Claim extends Span {
  /** The words of the claim as written, hedge included: "well over 100,000". */
  text: string;
  /** The number stated (scaled: "$38 billion" → 38000000000); null for ranges and magnitudes. */
  value: number | null;
  /** The interval the words allow; null on a side that is unbounded. */
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  /** people, USD, EUR, percent, miles, months …; null for counts of things that are not people. */
  unit: string | null;
  /** What is counted, as written: "Russian soldiers", "Ukrainian civilians", "troops", "Ukraine" (for "20% of Ukraine"). */
  counted: string | null;
  /** What happened to it, normalised: "killed or wounded", "deaths", "displaced", "occupied", "aid". */
  measure: string | null;
  /** Where, normalised: "kherson", "ukraine"; from "in Kherson", "Ukraine's …". */
  place: string | null;
  /** When, from the sentence: a year ("1914"), an era ("world war i"), "last year". */
  when: string | null;
  /**
   * Places and peoples the claim's sentence names, normalised ("kherson", "ukraine", "russia"
   * for "Russian"): what ties a figure to its story. Claims in different files are compared
   * only when their contexts meet.
   */
  context: string[];
  comparable: boolean;
  notComparable: NotComparable | null;
  /** What the figure says beyond its number: dimension, what it measures, event, scope, source (frame.ts). */
  frame: ClaimFrame;
}
