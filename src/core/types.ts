// The engine's vocabulary. Everything here is plain data: offsets are UTF-16 indices into
// the decoded text of one document (what JavaScript's String sees), start-inclusive and
// end-exclusive, so they map onto editor positions and `text.slice(start, end)` directly.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/**
 * direct:   a quotation in marks that stands as a clause or sentence ("…,” he said).
 * partial:  a few quoted words inside the writer's own sentence (is merely “a bit more …”).
 * indirect: reported speech with no marks (Milley said that …); the span is the content.
 */
export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Quote extends Span {
  kind: QuoteKind;
  /** The words quoted, without the outer marks; paragraphs of a long quote joined by a space. */
  text: string;
  /** The marked pieces a quote is made of: one, or several when it runs over paragraphs. */
  parts: Span[];
  attribution: Attribution | null;
}

/** How the speaker of a quote was found; shown in hovers so a reader can judge it. */
export type AttributionVia =
  | 'cue' // a cue with a name or description next to it: “…,” Milley said
  | 'pronoun' // a cue with a pronoun, resolved to an earlier mention: he said
  | 'description' // a cue with a description resolved to a named person: the US military commander said
  | 'continuation' // no cue; the quote continues the previous speaker's words
  | 'nearby' // no cue; the person named around the quote that the speaker model chose (src/core/speakers/nearby.ts)
  | 'decision'; // a reader named the speaker (byline.json, src/workspace/decisions)

export interface Attribution {
  /** Key of a DocumentSpeaker of the same document. */
  speakerKey: string;
  /** The words in this document that name the speaker for this quote (the pronoun, if resolved from one). */
  mention: TextSpan | null;
  /** The attribution cue: said, told reporters, according to … */
  cue: TextSpan | null;
  via: AttributionVia;
}

/**
 * person:       a named human being.
 * organization: a body that speaks (the White House, the Pentagon, Reuters).
 * anonymous:    an unnamed source (a US official, the second official); never merged across files.
 * group:        a plural, unnamed set of people (eight U.S. officials, analysts); never merged across files.
 */
export type SpeakerKind = 'person' | 'organization' | 'anonymous' | 'group';

export interface Role extends Span {
  text: string;
}

/** A speaker as one document knows it; the workspace merges these across files. */
export interface DocumentSpeaker {
  key: string;
  /** Fullest form of the name in this document: "Mark Milley", "the second US official". */
  name: string;
  kind: SpeakerKind;
  /** Every distinct form the document uses for this speaker ("Milley", "Milli", "Gen. Mark Milley"). */
  forms: string[];
  roles: Role[];
  /** Every place the document names the speaker (not pronouns). */
  mentions: TextSpan[];
  gender: 'male' | 'female' | null;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Stable diagnostic codes; the README documents each one. */
export type DiagnosticCode =
  | 'quote'
  | 'reported-speech'
  | 'unattributed-quote'
  | 'unclosed-quote'
  | 'conflicting-claim'
  | 'updated-claim'
  | 'analysis-truncated'
  | 'quote-differs'
  | 'quote-speaker-differs';

export interface RelatedLocation {
  path: string;
  start: number;
  end: number;
  message: string;
}

export interface Diagnostic extends Span {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  related: RelatedLocation[];
}

/** A problem with the text itself (not with a claim across files), found by one document's analysis. */
export interface TextProblem extends Span {
  code: 'unclosed-quote' | 'analysis-truncated';
  message: string;
}
