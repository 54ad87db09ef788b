import type { ParsedDocument } from '../document';
import type { SpeakerKind } from '../types';
import { cueAt, cueLexicon } from '../quotes/cues';
import type { TokenRange } from './entities';
import { NEARBY_WEIGHTS } from './nearbyWeights';

// A quotation in marks that no cue links to anyone: who, of the people named around it, is
// speaking — or no one. The rules (a cue next to the quote, a pronoun, a continuation) come
// first; this is what is left when they find nothing. Each name near the quote is a candidate,
// scored by a small linear model over what a reader looks at (is it just before the quote, in
// its sentence, the subject of a verb of speech, the previous quote's speaker); the outcome
// "no person speaks here" has a score of its own, so a quote with no plausible speaker stays
// unattributed rather than going to the nearest name. The weights are learned on PolNeAR's
// training split by scripts/train/nearbySpeaker.ts (docs/attribution.md).

/** A place near a quote where the writer names someone. */
export interface NearbyMention extends TokenRange {
  entityKey: string;
  kind: SpeakerKind;
  /** The mention is a cue's speaker phrase ("Milley said"), not only a name in passing. */
  speaking: boolean;
  /** How many times the entity was named before this mention. */
  earlierMentions: number;
}

/** What the quote's neighbours say about who speaks: the speakers of the quotes before and after it. */
export interface QuoteNeighbours {
  previousSpeaker: string | null;
  nextSpeaker: string | null;
  /** Everyone a cue has given a quote to before this one. */
  earlierSpeakers: ReadonlySet<string>;
}

export interface NearbyChoice {
  candidates: NearbyMention[];
  /** One feature vector per candidate, in NEARBY_FEATURES order. */
  features: number[][];
  /** The features of "no person speaks here", in NONE_FEATURES order. */
  none: number[];
}

export const NEARBY_FEATURES = [
  'before',
  'sameSentence',
  'sameParagraph',
  'previousParagraph',
  'sentencesAway',
  'tokensAway',
  'opensSentence',
  'cueFollows',
  'nearestBefore',
  'person',
  'organization',
  'unnamed',
  'speaking',
  'previousSpeaker',
  'nextSpeaker',
  'spokeEarlier',
  'earlierMentions',
  'possessive',
] as const;

export const NONE_FEATURES = ['bias', 'partial', 'words', 'opensParagraph', 'candidates'] as const;

export interface NearbyWeights {
  candidate: Record<(typeof NEARBY_FEATURES)[number], number>;
  none: Record<(typeof NONE_FEATURES)[number], number>;
}

/** The most names weighed for one quote, the nearest ones. */
const MAX_CANDIDATES = 12;
/** How close after a name a verb of speech must stand to make it the name's: "Bolton distanced himself … by saying". */
const CUE_REACH = 6;

export class NearbySpeakers {
  private readonly lex = cueLexicon();

  constructor(private readonly doc: ParsedDocument) {}

  /**
   * The candidates for the quote over tokens [first, last), from `mentions` (sorted by token):
   * names from the start of the paragraph before the quote to the end of the quote's own.
   */
  choice(first: number, last: number, partial: boolean, mentions: readonly NearbyMention[], neighbours: QuoteNeighbours): NearbyChoice {
    const { doc } = this;
    const { tokens, paragraphOf, sentenceOf, sentences } = doc;
    const firstParagraph = paragraphOf[first];
    const lastParagraph = paragraphOf[last - 1];
    // The nearest names on either side, found from the quote outwards: a paragraph of a thousand names costs no more.
    const inReach: NearbyMention[] = [];
    const at = firstAtOrAfter(mentions, first);
    for (let k = at - 1, n = 0; k >= 0 && n < MAX_CANDIDATES && paragraphOf[mentions[k].first] >= firstParagraph - 1; k--) {
      if (mentions[k].last <= first) inReach.push(mentions[k]), n++;
    }
    for (let k = at, n = 0; k < mentions.length && n < MAX_CANDIDATES && paragraphOf[mentions[k].first] <= lastParagraph; k++) {
      if (mentions[k].first >= last) inReach.push(mentions[k]), n++;
    }
    const gap = (m: NearbyMention) => (m.last <= first ? first - m.last : m.first - last);
    const candidates = inReach.sort((a, b) => gap(a) - gap(b)).slice(0, MAX_CANDIDATES);
    const nearestBefore = candidates.find((m) => m.last <= first) ?? null;
    const quoteSentences = [sentenceOf[first], sentenceOf[last - 1]];
    const features = candidates.map((m) => {
      const sentence = sentenceOf[m.first];
      const sentencesAway = m.last <= first ? quoteSentences[0] - sentence : sentence - quoteSentences[1];
      // In NEARBY_FEATURES order; counts and distances are scaled to about 0–2, like the flags.
      return [
        m.last <= first ? 1 : 0,
        quoteSentences.includes(sentence) ? 1 : 0,
        paragraphOf[m.first] === firstParagraph || paragraphOf[m.first] === lastParagraph ? 1 : 0,
        paragraphOf[m.first] === firstParagraph - 1 ? 1 : 0,
        Math.min(3, Math.max(0, sentencesAway)),
        Math.log1p(gap(m)) / 3,
        m.first === sentences[sentence].first ? 1 : 0,
        this.cueFollows(m) ? 1 : 0,
        m === nearestBefore ? 1 : 0,
        m.kind === 'person' ? 1 : 0,
        m.kind === 'organization' ? 1 : 0,
        m.kind === 'anonymous' || m.kind === 'group' ? 1 : 0,
        m.speaking ? 1 : 0,
        m.entityKey === neighbours.previousSpeaker ? 1 : 0,
        m.entityKey === neighbours.nextSpeaker ? 1 : 0,
        neighbours.earlierSpeakers.has(m.entityKey) ? 1 : 0,
        Math.log1p(m.earlierMentions) / 2,
        tokens[m.last]?.norm === "'s" ? 1 : 0,
      ];
    });
    const words = tokens.slice(first, last).filter((t) => t.kind === 'word').length;
    const opensParagraph = first === 0 || paragraphOf[first - 1] !== firstParagraph ? 1 : 0;
    return { candidates, features, none: [1, partial ? 1 : 0, Math.log1p(words) / 3, opensParagraph, Math.log1p(candidates.length) / 2] };
  }

  /** A verb of speech a few words after the name, in its sentence and outside any quotation. */
  private cueFollows(m: NearbyMention): boolean {
    const { tokens, sentenceOf, quoteOf } = this.doc;
    const sentence = sentenceOf[m.first];
    for (let k = m.last; k < Math.min(tokens.length, m.last + CUE_REACH) && sentenceOf[k] === sentence && quoteOf[k] < 0; k++) {
      if (tokens[k].kind === 'word' && cueAt(this.lex, tokens, k, tokens.length)) return true;
    }
    return false;
  }
}

/** The candidate the model prefers, or null when "no person speaks here" scores higher. */
export function chooseNearby(choice: NearbyChoice, weights: NearbyWeights = NEARBY_WEIGHTS): NearbyMention | null {
  let best: NearbyMention | null = null;
  let bestScore = dot(choice.none, NONE_FEATURES.map((f) => weights.none[f]));
  const w = NEARBY_FEATURES.map((f) => weights.candidate[f]);
  choice.candidates.forEach((c, i) => {
    const score = dot(choice.features[i], w);
    if (score > bestScore) [best, bestScore] = [c, score];
  });
  return best;
}

/** The index of the first mention starting at or after token `token` (mentions are sorted by their first token). */
function firstAtOrAfter(mentions: readonly NearbyMention[], token: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].first < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function dot(x: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * w[i];
  return s;
}
