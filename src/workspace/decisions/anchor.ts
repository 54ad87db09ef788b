import type { Span } from '../../core/types';
import type { Anchor } from './types';

// Anchors: a decision finds its place by the words it is about, not by offsets, so that an edit
// elsewhere in the article does not move it onto other words. Whitespace may change (a line
// rewrapped); when the words occur more than once, the text before them chooses.

/** Characters of text kept before an anchor's words. */
export const ANCHOR_CONTEXT = 40;

/** The anchor of `start`..`end` in `text`, for the article at `file`. */
export function anchorOf(file: string, text: string, start: number, end: number): Anchor {
  const from = Math.max(0, start - ANCHOR_CONTEXT);
  return { file, text: squeeze(text.slice(start, end)), before: squeeze(text.slice(from, start)).trimStart() };
}

/** Where the anchor's words are in `text`, or null when they are gone. */
export function findAnchor(text: string, anchor: Pick<Anchor, 'text' | 'before'>): Span | null {
  const words = anchor.text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escape).join('\\s+'), 'gu');
  let best: Span | null = null;
  let bestScore = -1;
  const before = squeeze(anchor.before);
  for (const m of text.matchAll(pattern)) {
    const start = m.index as number;
    const score = commonSuffix(squeeze(text.slice(Math.max(0, start - ANCHOR_CONTEXT * 2), start)), before);
    if (score > bestScore) {
      best = { start, end: start + m[0].length };
      bestScore = score;
    }
  }
  return best;
}

/** Runs of whitespace as one space: what rewrapping a paragraph changes. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
