import type { Span } from '../types';

// News exports put one paragraph on a line (often with blank lines between); e-mailed wire
// copy is hard-wrapped at ~70 columns with blank lines between paragraphs. Quotes that run
// over paragraphs depend on knowing which is which, so both layouts are recognised.

/** Wrapped copy keeps lines short; a line longer than this is a whole paragraph. */
const WRAP_WIDTH = 100;
/** Share of non-final lines in a block that must end mid-sentence for the text to count as wrapped. */
const WRAPPED_SHARE = 0.6;

interface Line extends Span {
  blank: boolean;
}

export function findParagraphs(text: string): Span[] {
  const lines = splitLines(text);
  const wrapped = isHardWrapped(text, lines);
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  for (const line of lines) {
    if (line.blank) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    const trimmed = trimSpan(text, line);
    if (!wrapped) {
      paragraphs.push(trimmed);
    } else if (current) {
      current.end = trimmed.end;
    } else {
      current = trimmed;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (end: number) => lines.push({ start, end, blank: !/\S/.test(text.slice(start, end)) });
  while ((m = re.exec(text)) !== null) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

/** A line that is followed by another non-blank line and stops mid-sentence suggests wrapping. */
function isHardWrapped(text: string, lines: Line[]): boolean {
  let followed = 0;
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    if (line.blank || lines[i + 1].blank) continue;
    if (line.end - line.start > WRAP_WIDTH) return false;
    followed++;
    const last = text.slice(line.start, line.end).trimEnd().slice(-1);
    if (!/[.!?:"”’»)\]]/.test(last)) midSentence++;
  }
  return followed >= 3 && midSentence / followed >= WRAPPED_SHARE;
}
