import type { DocumentAnalysis } from '../core/analyze';

// What a DocumentAnalysis must look like before anything read from disk is trusted as one.
// The cache's checksum catches damaged bytes; this catches well-formed data of the wrong
// shape (a file written by another program, or by a Byline whose types changed without a new
// engine version). Every element is checked down to the fields the workspace and the
// diagnostics read, so a bad entry is recomputed instead of failing later in a hover.

type Check = (x: unknown) => boolean;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const num: Check = (x) => typeof x === 'number' && Number.isFinite(x);
const str: Check = (x) => typeof x === 'string';
const nullable =
  (check: Check): Check =>
  (x) =>
    x === null || check(x);
const arrayOf =
  (check: Check): Check =>
  (x) =>
    Array.isArray(x) && x.every(check);
const shape =
  (fields: Record<string, Check>): Check =>
  (x) =>
    isObject(x) && Object.entries(fields).every(([k, check]) => check(x[k]));

const span = shape({ start: num, end: num });
const textSpan = shape({ start: num, end: num, text: str });

const attribution = shape({ speakerKey: str, mention: nullable(textSpan), cue: nullable(textSpan), via: str });
const quote = shape({ start: num, end: num, kind: str, text: str, parts: arrayOf(span), attribution: nullable(attribution) });
const speaker = shape({ key: str, name: str, kind: str, forms: arrayOf(str), roles: arrayOf(textSpan), mentions: arrayOf(textSpan) });
const claim = shape({ start: num, end: num, text: str, low: nullable(num), high: nullable(num), comparable: (x) => typeof x === 'boolean' });
const problem = shape({ start: num, end: num, code: str, message: str });

const analysis = shape({ quotes: arrayOf(quote), speakers: arrayOf(speaker), claims: arrayOf(claim), problems: arrayOf(problem) });

export function isDocumentAnalysis(x: unknown): x is DocumentAnalysis {
  return analysis(x);
}
