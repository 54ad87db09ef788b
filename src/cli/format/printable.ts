// What the text output prints of names it does not control (file names, and words taken
// from articles) with control characters made visible: a file name holding ESC ]0;…BEL or
// ESC [2J retitled and cleared the terminal, and CR or LF in a name broke `path:line:col`.
// Bidirectional overrides are escaped too, so that a name cannot print in another order
// than it is.

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** `text` with each control character written as an escape (`\n`, `\e`, `\u{7}` …). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
