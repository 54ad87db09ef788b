// Requests and notifications between the Byline language server and its clients, beyond
// standard LSP. Plain data only (no editor imports), so the VS Code client and other
// clients can use it. Ranges are LSP ranges (0-based lines, UTF-16 characters).

export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface WireLocation {
  uri: string;
  range: WireRange;
}

/** byline/status (server → client): what the index holds, for the status item. */
export const STATUS_NOTIFICATION = 'byline/status';
export interface StatusParams {
  files: number;
  conflicts: number;
  indexing: boolean;
  /** Files under the include globs that could not be read, with why. */
  skipped: Array<{ uri: string; reason: string }>;
}

/** byline/conflicts (client → server): every conflicting claim, in file and text order. */
export const CONFLICTS_REQUEST = 'byline/conflicts';
export interface ConflictLocation extends WireLocation {
  text: string;
  message: string;
}

/** byline/speakers: every speaker with at least one quote, most quoted first; with `limit`, that many at most. */
export const SPEAKERS_REQUEST = 'byline/speakers';
export interface SpeakersParams {
  limit?: number;
}
export interface SpeakerSummary {
  id: string;
  name: string;
  kind: string;
  quoteCount: number;
  files: number;
  roles: string[];
  aliases: string[];
}

/** byline/speakerAt: the speaker of the quote or name at a position, if any. */
export const SPEAKER_AT_REQUEST = 'byline/speakerAt';
export interface SpeakerAtParams {
  uri: string;
  position: { line: number; character: number };
}

/** byline/speakerQuotes: a speaker's quotes across the workspace. */
export const SPEAKER_QUOTES_REQUEST = 'byline/speakerQuotes';
export interface SpeakerQuote extends WireLocation {
  kind: string;
  text: string;
}

/** byline/claimGroups: claims grouped by what they measure, groups with conflicts first. */
export const CLAIM_GROUPS_REQUEST = 'byline/claimGroups';
export interface ClaimGroup {
  label: string;
  conflicts: number;
  /** `sentence`: the sentence the figure is in, for a tooltip; `source`: who the article says gave it, if anyone. */
  claims: Array<WireLocation & { text: string; conflicting: boolean; sentence?: string; source?: string | null }>;
}

/** byline/rescan: read the workspace folders again (after a settings change the client made). */
export const RESCAN_REQUEST = 'byline/rescan';

/**
 * byline/utterances: remarks quoted in several files (the quote-variant index's linked versions),
 * those whose versions differ first; with `limit`, that many at most.
 */
export const UTTERANCES_REQUEST = 'byline/utterances';
export interface UtterancesParams {
  limit?: number;
}
/** How a version compares with the fullest version of its remark (the one with the most words). */
export type VersionRelation = 'fullest' | 'verbatim' | 'part-of' | 'worded-differently';
export interface UtteranceVersion extends WireLocation {
  text: string;
  /** Reported speech (no quotation marks). */
  reported: boolean;
  /** The speaker this file gives the words to, if any. */
  speaker: string | null;
  relation: VersionRelation;
  /** This file gives the words to another speaker than the fullest version does. */
  otherSpeaker: boolean;
  /** Its words the fullest version has not, and the fullest version's words it has not, in runs ("has been a"). */
  added: string[];
  missing: string[];
}
export interface Utterance {
  /** The speaker of the fullest version, if any. */
  speaker: string | null;
  /** Some version is worded differently, or given to another speaker. */
  differs: boolean;
  /** The versions, the fullest first, then by file and place. */
  versions: UtteranceVersion[];
}
