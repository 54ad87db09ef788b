import type { Span } from '../../core/types';

// Where each entry of the "decisions" list is in the file's text, so that a problem with an
// entry (unreadable, stale) is shown on it. A small scan of the JSON text: strings are skipped
// whole, brackets counted, and the list's top-level entries noted as they start and end.

export function entrySpans(text: string): Span[] {
  const key = /"decisions"\s*:\s*\[/g;
  let match: RegExpExecArray | null;
  // The top-level key: the first "decisions" at depth one.
  while ((match = key.exec(text)) !== null) if (depthAt(text, match.index) === 1) break;
  if (!match) return [];
  const spans: Span[] = [];
  let depth = 0;
  let start = -1;
  for (let i = match.index + match[0].length; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (depth === 0 && start < 0) start = i;
      i = stringEnd(text, i);
      if (depth === 0) {
        spans.push({ start, end: i + 1 });
        start = -1;
      }
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) break;
      depth--;
      if (depth === 0) {
        spans.push({ start, end: i + 1 });
        start = -1;
      }
    } else if (depth === 0 && /[^\s,]/.test(ch)) {
      // A bare value (number, true, null): to the next comma or the end of the list.
      let end = i;
      while (end < text.length && !/[\s,\]]/.test(text[end])) end++;
      spans.push({ start: i, end });
      i = end - 1;
    }
  }
  return spans;
}

/** The nesting depth at `offset`, strings skipped. */
function depthAt(text: string, offset: number): number {
  let depth = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i);
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return depth;
}

/** The offset of the quotation mark that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
