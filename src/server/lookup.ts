import type { Claim } from '../core/claims';
import type { Quote } from '../core/types';
import type { Speaker } from '../workspace/speakerIndex';
import type { Workspace } from '../workspace/workspace';

// What is under the cursor: a claim, a quote, or a speaker's name. Hovers, references and
// commands all start here.

export type Found =
  | { kind: 'claim'; claim: Claim; index: number }
  | { kind: 'quote'; quote: Quote; speaker: Speaker | null }
  | { kind: 'speaker'; speaker: Speaker; start: number; end: number };

export function findAt(workspace: Workspace, uri: string, offset: number): Found | null {
  const doc = workspace.get(uri);
  if (!doc) return null;
  const a = doc.analysis;
  const claimIndex = a.claims.findIndex((c) => c.start <= offset && offset < c.end);
  if (claimIndex >= 0) return { kind: 'claim', claim: a.claims[claimIndex], index: claimIndex };
  for (const s of a.speakers) {
    const m = s.mentions.find((x) => x.start <= offset && offset < x.end);
    const speaker = m ? workspace.speakers.speakerOf(uri, s.key) : null;
    if (m && speaker) return { kind: 'speaker', speaker, start: m.start, end: m.end };
  }
  // The innermost quote: a partial quote inside reported speech before the reported speech.
  const quotes = a.quotes.filter((q) => q.parts.some((p) => p.start <= offset && offset < p.end)).sort((x, y) => x.end - x.start - (y.end - y.start));
  const quote = quotes[0];
  if (!quote) return null;
  return { kind: 'quote', quote, speaker: quote.attribution ? workspace.speakers.speakerOf(uri, quote.attribution.speakerKey) : null };
}
