import type { ParsedDocument } from '../document';
import type { QuoteKind, Span } from '../types';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { TokenRange } from '../speakers/entities';
import type { SpeakerPhrase } from '../speakers/phrase';

// A quotation as the finder builds it, before its speaker is resolved, and the small readings
// of tokens that every stage of the finder shares.

export interface QuoteFinding {
  kind: QuoteKind;
  start: number;
  end: number;
  /** Marked pieces (marks included) or, for reported speech, the content pieces. */
  parts: Span[];
  /** Token range the quote covers. */
  first: number;
  last: number;
  paragraph: number;
  phrase: SpeakerPhrase | null;
  cue: TokenRange | null;
  /** Index of the finding whose speaker this one takes when it has no cue of its own. */
  inherits: number | null;
  /** How `inherits` was decided. */
  inheritance: 'continuation' | 'context' | null;
}

/** Dashes that set off a signature or a clause: "—", "–", "-", "--", and the quotation dash "―" (U+2015) that signs vox pops. */
export const DASHES = new Set(['-', '—', '–', '--', '―']);

/** A party-and-state tag or a state's abbreviation: R-Ky, D-Ill, Va, Calif. */
const STATE_ABBREVIATION = /^(?:[RDI]-)?[A-Z][a-z]{0,4}$/;

/** The paragraph where a finding ends (a quote may run over several). */
export function lastParagraph(doc: ParsedDocument, f: QuoteFinding): number {
  return doc.paragraphOf[f.last - 1];
}

/** One past the last token of [first, last) that is not closing punctuation. */
export function trimEnd(tokens: readonly Token[], first: number, last: number): number {
  let end = last;
  while (end > first && tokens[end - 1].kind === 'punct' && '.!?;,'.includes(tokens[end - 1].text)) end--;
  return end;
}

/** A period glued to an initial, an honorific or a state's abbreviation (Gen., F., R-Ky.), not a full stop. */
export function isGluedPeriod(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text !== '.' || i === 0) return false;
  const prev = tokens[i - 1];
  if (prev.end !== t.start || prev.kind !== 'word') return false;
  if ((prev.text.length === 1 && prev.cap) || (wordFlags(prev.norm) & W.Honorific) !== 0) return true;
  // "McConnell, R-Ky., said", "(D-Ill.)": a state's abbreviation before a comma or a parenthesis.
  const next = tokens[i + 1];
  return prev.cap && STATE_ABBREVIATION.test(prev.text) && next !== undefined && (next.text === ',' || next.text === ')');
}
