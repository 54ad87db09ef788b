// Requests and commands for the reader's decisions (byline.json), beyond standard LSP. Plain
// data only, like protocol.ts.

/** The command a quick fix runs when it needs the reader's answer first (a speaker, a note). */
export const DECIDE_COMMAND = 'byline.decide';

/** byline/decisionEdit (client → server): the edit of the decisions file that records `decision` (an LSP WorkspaceEdit), or why it cannot be made. */
export const DECISION_EDIT_REQUEST = 'byline/decisionEdit';

/** What the quick fix asks before the decision is complete. */
export type DecisionQuestion = 'speaker' | 'person' | 'note';

/** The argument of DECIDE_COMMAND. `decision` is a decision of the decisions file, with its open field (`speaker`, `as`, `note`) to fill. */
export interface DecideArgs {
  /** The article the decision is about. */
  uri: string;
  decision: Record<string, unknown>;
  ask: DecisionQuestion;
  /** Words to show while asking (the quote or figure). */
  about: string;
}

/** byline/trusted (client → server): the reader trusted the workspace; the decisions files' settings that choose what is read now apply. */
export const TRUSTED_NOTIFICATION = 'byline/trusted';

export type DecisionEditResult = { edit: unknown } | { problem: string } | { unchanged: true };
