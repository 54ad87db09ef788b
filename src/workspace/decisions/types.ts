import type { Span } from '../../core/types';

// A reader's corrections of what Byline found, and the project's settings, as stored in the
// decisions file beside the articles (byline.json, docs/corrections.md). Every decision names
// its article by a path relative to the folder of the file, and the words it is about: the
// quote's or figure's own words and a few words before them, so that it still finds its place
// after edits elsewhere in the article.

/** The decisions file's name, at the top of each workspace folder. */
export const DECISIONS_FILE = 'byline.json';

/** Where a decision applies: words of an article, and the text just before them when the words recur. */
export interface Anchor {
  /** The article, relative to the folder of the decisions file, with `/` between folders. */
  file: string;
  /** The words themselves: the quote or the figure as the article has it. */
  text: string;
  /** Up to ANCHOR_CONTEXT characters before them, which pick the right place when the words recur. */
  before: string;
}

interface Noted {
  /** Why, in the reader's words; shown in hovers. */
  note?: string;
}

/** These words are not a quotation (a title, a scare quote, a slogan). */
export interface NotAQuote extends Noted {
  decision: 'not-a-quote';
  quote: Anchor;
}

/** This quote's speaker is `speaker`, whoever Byline found. */
export interface SpeakerIs extends Noted {
  decision: 'speaker';
  quote: Anchor;
  speaker: string;
}

/** The speaker this article calls `name` is the person others call `as`. */
export interface SamePerson extends Noted {
  decision: 'same-person';
  file: string;
  name: string;
  as: string;
}

/** The speaker this article calls `name` is not `from`, with whom Byline merged them. */
export interface DifferentPerson extends Noted {
  decision: 'different-person';
  file: string;
  name: string;
  from: string;
}

/** A figure is not the same thing as the figure `otherFigure` in `otherFile`: they are not compared. */
export interface DifferentFigures extends Noted {
  decision: 'different-figures';
  figure: Anchor;
  otherFile: string;
  otherFigure: string;
}

/** A figure's conflict was checked: it stays quiet. */
export interface CheckedConflict extends Noted {
  decision: 'checked-conflict';
  figure: Anchor;
}

/** A quote's other versions (worded differently, given to someone else) were checked: they stay quiet. */
export interface CheckedQuote extends Noted {
  decision: 'checked-quote';
  quote: Anchor;
}

export type Decision = NotAQuote | SpeakerIs | SamePerson | DifferentPerson | DifferentFigures | CheckedConflict | CheckedQuote;

export type DecisionKind = Decision['decision'];

export const DECISION_KINDS: readonly DecisionKind[] = ['not-a-quote', 'speaker', 'same-person', 'different-person', 'different-figures', 'checked-conflict', 'checked-quote'];

/** A decision as read, with its place in the file's list (messages and stale reports name it by that). */
export interface ReadDecision {
  index: number;
  decision: Decision;
}

/** A problem with the decisions file or one of its entries; `index` is the entry's place in `decisions`. */
export interface DecisionsProblem {
  message: string;
  index?: number;
  /** The setting it is about (`settings.cueVerbs`), when it is about one. */
  setting?: string;
  /** Nothing in the file applies until it is fixed (not JSON, not an object, `decisions` not a list). */
  fatal?: boolean;
}

export interface DecisionsFile {
  /** The decisions that could be read; entries that could not are reported and kept in the file. */
  decisions: ReadDecision[];
  /** The `settings` object as written (checked by the front end, which knows the settings: server/settings.ts). */
  settings: Record<string, unknown>;
  problems: DecisionsProblem[];
}

/** Where a decision applies in one article, once its anchor is found. */
export interface Placed<D extends Decision = Decision> {
  index: number;
  decision: D;
  span: Span | null;
}
