import type { DocumentAnalysis } from '../core/analyze';
import type { Claim } from '../core/claims';
import type { DocumentSpeaker, QuoteKind, Span, TextProblem } from '../core/types';
import { traitsOf, type ClaimTraits } from './claims/compare';

// What the workspace keeps of every document: the parts of its analysis that hold across
// files (its speakers, whose quotes are whose, its claims) and what a closed file shows (its
// problems). The whole analysis (every quote's parts, mentions and cue) is needed only for a
// document someone looks at, and is read back when asked for (Workspace, IndexedDocument).
//
// A warm start decodes 10,000 digests instead of 10,000 analyses: a third of the bytes and of
// the objects, which is most of what reopening a folder costs the server's thread.

/** A document's speaker as the speaker index needs it: mentions are only counted. */
export interface DigestSpeaker extends Pick<DocumentSpeaker, 'key' | 'name' | 'kind' | 'forms' | 'roles'> {
  mentionCount: number;
  /** A reader said this speaker is not the person Byline merged them with (byline.json): they are merged with no one. */
  apart?: boolean;
}

/** An attributed quote: where it is, what it says, and whose it is (a key of the document's speakers). */
export interface QuoteOwner extends Span {
  kind: QuoteKind;
  text: string;
  speakerKey: string;
}

export interface DocumentDigest {
  speakers: DigestSpeaker[];
  quotes: QuoteOwner[];
  claims: Claim[];
  /** What comparing each claim takes the lexicon for (claims/compare.ts), in the order of `claims`. */
  claimTraits: ClaimTraits[];
  problems: TextProblem[];
}

/** `claimTraits`: the claims' traits when they were worked out already (Workspace.prepare). */
export function digestOf(analysis: DocumentAnalysis, claimTraits: ClaimTraits[] = analysis.claims.map(traitsOf)): DocumentDigest {
  return {
    speakers: analysis.speakers.map((s) => ({ key: s.key, name: s.name, kind: s.kind, forms: s.forms, roles: s.roles, mentionCount: s.mentions.length })),
    quotes: analysis.quotes.flatMap((q) => (q.attribution ? [{ start: q.start, end: q.end, kind: q.kind, text: q.text, speakerKey: q.attribution.speakerKey }] : [])),
    claims: analysis.claims,
    claimTraits,
    problems: analysis.problems,
  };
}
