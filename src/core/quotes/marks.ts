import type { Span, TextProblem } from '../types';

// Pairs quotation marks into quotations. Real articles break every rule: straight marks that
// are both openers and closers, a closing mark used to open (”Slowing down …”), apostrophes
// that look like single quotes, quotes that run over paragraphs, marks that are never closed.
// Each mark is read from its neighbours (what is before and after it), never from its glyph
// alone, and a broken quote is reported and contained within its paragraph so that the rest
// of the document is still read correctly.

/** A top-level quotation found by its marks. Nested quotes stay inside its text. */
export interface MarkedQuote {
  /** One span per paragraph the quote covers, each from its opening mark to its closing mark (inclusive). */
  parts: Span[];
  /** False when the last part has no closing mark (an unclosed quotation, cut at the paragraph end). */
  closed: boolean;
}

export interface QuoteScan {
  quotes: MarkedQuote[];
  problems: TextProblem[];
}

type Level = 'double' | 'single';

interface Open {
  level: Level;
  /** Offset of the opening mark. */
  at: number;
  /** Length of the opening mark: 2 for a doubled apostrophe. */
  length: number;
  /** Opened with a straight mark (" or ''), which closes only with a straight one. */
  straight?: boolean;
  /** For a top-level quote: the parts completed in earlier paragraphs. */
  parts: Span[];
}

/** Two straight apostrophes stand for a double mark in some wire and archive copy: ''Humility,'' he said. */
const DOUBLED_APOSTROPHE = "''";
const MARK_RE = /''|["“”„‟«»'‘’‹›]/g;
const DOUBLE_OPENERS = new Set(['“', '„', '‟', '«']);
const DOUBLE_CLOSERS = new Set(['”', '»']);
const SINGLE_OPENERS = new Set(['‘', '‹']);
const QUOTE_CHARS = '"“”„‟«»\'‘’‹›';
/** Characters after which a mark opens: the start of a word group (and a colon typed without its space: Gowdy:"I …"). */
const OPEN_BEFORE = '([{—–-/‐:';
/** Characters before which a mark closes: the end of a word group. */
const CLOSE_AFTER = '.,;:!?)]}—–-…/‐';

export function scanQuotes(text: string, paragraphs: readonly Span[]): QuoteScan {
  const quotes: MarkedQuote[] = [];
  const problems: TextProblem[] = [];
  /** A top-level quote still open at the end of the previous paragraph. */
  let pending: Open | null = null;
  let pendingEnd = 0;

  const unclosed = (open: Open, end: number) => {
    problems.push({
      start: open.at,
      end: open.at + open.length,
      code: 'unclosed-quote',
      message: 'This quotation mark is never closed; Byline reads the quote as ending with its paragraph.',
    });
    quotes.push({ parts: [...open.parts, { start: open.at, end }], closed: false });
  };

  for (const para of paragraphs) {
    const stack: Open[] = [];
    MARK_RE.lastIndex = para.start;
    let m: RegExpExecArray | null;
    let first = true;
    while ((m = MARK_RE.exec(text)) !== null && m.index < para.end) {
      const i = m.index;
      const c = m[0] === DOUBLED_APOSTROPHE ? '"' : m[0];
      /** One past the mark: a doubled apostrophe is two characters. */
      const next = i + m[0].length;
      const before = i > para.start ? text[i - 1] : null;
      const after = next < para.end ? text[next] : null;
      const opening = isOpeningContext(before, after);
      const closing = isClosingContext(before, after);
      const isDouble = c === '"' || DOUBLE_OPENERS.has(c) || DOUBLE_CLOSERS.has(c);

      if (first && pending) {
        first = false;
        // The paragraph reopens the quote left open at the end of the previous one.
        if (isDouble && i === para.start && opening) {
          stack.push({ level: 'double', at: i, length: m[0].length, straight: c === '"', parts: [...pending.parts, { start: pending.at, end: pendingEnd }] });
          pending = null;
          continue;
        }
        // The paragraph runs on without reopening the quote and closes it: “… ¶ … ,” he said.
        if (isDouble && closing && !opening && !DOUBLE_OPENERS.has(c)) {
          quotes.push({ parts: [...pending.parts, { start: pending.at, end: pendingEnd }, { start: para.start, end: next }], closed: true });
          pending = null;
          continue;
        }
        unclosed(pending, pendingEnd);
        pending = null;
      }
      first = false;

      if (isDouble) {
        const d = innermost(stack, 'double');
        if (d >= 0) {
          // Copy pasted into copy mixes styles: “Equal Justice” inside a straight-quoted passage, or
          // "no" inside a curly one, is a quote within the quote, not a new one.
          const straightOpen = stack[d].straight;
          if (opening && !closing && (straightOpen ? DOUBLE_OPENERS.has(c) : c === '"')) {
            stack.push({ level: 'double', at: i, length: m[0].length, straight: c === '"', parts: [] });
            continue;
          }
          // A second opener while a quote is open means the first was never closed.
          if (DOUBLE_OPENERS.has(c) && opening && !closing) {
            const open = stack[d];
            stack.length = d;
            if (d === 0) unclosed(open, trimEnd(text, open.at, i));
            stack.push({ level: 'double', at: i, length: m[0].length, straight: c === '"', parts: [] });
            continue;
          }
          // Anything else closes it; single marks still open inside were apostrophes.
          const open = stack[d];
          stack.length = d;
          if (d === 0) quotes.push({ parts: [...open.parts, { start: open.at, end: next }], closed: true });
          continue;
        }
        if (c === '"' && before !== null && isDigit(before)) continue; // 12" is inches
        if (opening || (DOUBLE_OPENERS.has(c) && !closing)) {
          stack.push({ level: 'double', at: i, length: m[0].length, straight: c === '"', parts: [] });
        }
        // A closing mark with nothing open is stray: nothing to pair it with, nothing lost.
        continue;
      }

      // Single marks: most are apostrophes.
      if (before !== null && isWordChar(before) && after !== null && isWordChar(after)) continue; // don’t
      if (after !== null && isDigit(after) && !stackHasSingle(stack)) continue; // ’90s
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top && top.level === 'single' && closing) {
        stack.pop();
        if (stack.length === 0) quotes.push({ parts: [{ start: top.at, end: next }], closed: true });
        continue;
      }
      if (opening && (SINGLE_OPENERS.has(c) || c === "'" || (c === '’' && before === null))) {
        stack.push({ level: 'single', at: i, length: 1, parts: [] });
      }
    }
    if (first && pending) {
      // A paragraph with no marks at all cannot continue the pending quote.
      unclosed(pending, pendingEnd);
      pending = null;
    }
    // Only a double quote at the top level may run on into the next paragraph; single marks
    // left open were apostrophes (’em, Milleys’).
    if (stack.length > 0 && stack[0].level === 'double') {
      pending = stack[0];
      pendingEnd = para.end;
    }
  }
  if (pending) unclosed(pending, pendingEnd);
  quotes.sort((a, b) => a.parts[0].start - b.parts[0].start);
  return { quotes, problems };
}

function innermost(stack: Open[], level: Level): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].level === level) return k;
  return -1;
}

function stackHasSingle(stack: Open[]): boolean {
  return stack.some((o) => o.level === 'single');
}

function isOpeningContext(before: string | null, after: string | null): boolean {
  if (after === null || isSpaceChar(after)) return false;
  return before === null || isSpaceChar(before) || OPEN_BEFORE.includes(before) || QUOTE_CHARS.includes(before);
}

function isClosingContext(before: string | null, after: string | null): boolean {
  if (before === null || isSpaceChar(before)) return false;
  return after === null || isSpaceChar(after) || CLOSE_AFTER.includes(after) || QUOTE_CHARS.includes(after);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && isSpaceChar(text[end - 1])) end--;
  return end;
}

function isSpaceChar(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || /\s/.test(c);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}
