import * as v8 from 'node:v8';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DocumentAnalysis } from '../core/analyze';

// An open document's analysis crosses from the edit worker in parts, so that the server's
// thread decodes it a part per turn of its event loop and answers requests in between: the
// whole analysis of a megabyte of quotes took it a second to decode in one go.

/**
 * Quotes, or figures, per part: a few milliseconds to decode. 2,000 of a news article's quotes
 * took up to 90 ms the first time (docs/worst-case.md), the longest pause left while the server
 * took in a large document.
 */
const PER_PART = 500;

interface Head {
  speakers: DocumentAnalysis['speakers'];
  problems: DocumentAnalysis['problems'];
  quoteParts: number;
}

/** The analysis as bytes: a head (speakers, problems), then its quotes and its claims, a slice a part. */
export function encodeInParts(analysis: DocumentAnalysis): Uint8Array[] {
  const slices = <T>(items: readonly T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += PER_PART) out.push(items.slice(i, i + PER_PART));
    return out;
  };
  const quotes = slices(analysis.quotes);
  const head: Head = { speakers: analysis.speakers, problems: analysis.problems, quoteParts: quotes.length };
  return [head, ...quotes, ...slices(analysis.claims)].map((part) => v8.serialize(part));
}

/** Decodes what `encodeInParts` made, a part per turn; null as soon as `wanted` says it is no longer wanted. */
export async function decodeInTurns(parts: readonly Uint8Array[], wanted: () => boolean): Promise<DocumentAnalysis | null> {
  const head = v8.deserialize(parts[0]) as Head;
  const analysis: DocumentAnalysis = { quotes: [], speakers: head.speakers, claims: [], problems: head.problems };
  for (let i = 1; i < parts.length; i++) {
    await nextTurn();
    if (!wanted()) return null;
    const items = v8.deserialize(parts[i]) as unknown[];
    const into = (i <= head.quoteParts ? analysis.quotes : analysis.claims) as unknown[];
    for (const item of items) into.push(item);
  }
  return analysis;
}
