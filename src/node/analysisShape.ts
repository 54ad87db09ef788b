import type { DocumentAnalysis } from '../core/analyze';
import type { DocumentDigest } from '../workspace/digest';

// What a DocumentAnalysis (and its DocumentDigest) must look like before anything read from disk is trusted as one.
// The cache's checksum catches damaged bytes; this catches well-formed data of the wrong
// shape (a file written by another program, or by a Byline whose types changed without a new
// engine version). Every element is checked down to the fields the workspace and the
// diagnostics read, so a bad entry is recomputed instead of failing later in a hover.
//
// Written as plain loops: a warm start checks 10,000 analyses, and generic helpers that
// allocate per field cost a tenth of a millisecond each.

type Fields = Record<string, unknown>;

function isObject(x: unknown): x is Fields {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isNumber(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x);
}

function isSpan(x: unknown): x is Fields {
  return isObject(x) && isNumber(x.start) && isNumber(x.end);
}

function isTextSpan(x: unknown): boolean {
  return isSpan(x) && typeof x.text === 'string';
}

function every(x: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(x)) return false;
  for (const item of x) if (!check(item)) return false;
  return true;
}

function isAttribution(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.speakerKey === 'string' &&
    typeof x.via === 'string' &&
    (x.mention === null || isTextSpan(x.mention)) &&
    (x.cue === null || isTextSpan(x.cue))
  );
}

function isQuote(x: unknown): boolean {
  return isTextSpan(x) && typeof (x as Fields).kind === 'string' && every((x as Fields).parts, isSpan) && ((x as Fields).attribution === null || isAttribution((x as Fields).attribution));
}

/** What a document's speaker and its digest have in common. */
function isSpeakerName(x: unknown): x is Fields {
  return isObject(x) && typeof x.key === 'string' && typeof x.name === 'string' && typeof x.kind === 'string' && every(x.forms, (f) => typeof f === 'string') && every(x.roles, isTextSpan);
}

function isSpeaker(x: unknown): boolean {
  return isSpeakerName(x) && every(x.mentions, isTextSpan);
}

function isClaim(x: unknown): boolean {
  return isTextSpan(x) && ((x as Fields).low === null || isNumber((x as Fields).low)) && ((x as Fields).high === null || isNumber((x as Fields).high)) && typeof (x as Fields).comparable === 'boolean' && isFrame((x as Fields).frame);
}

function isFrame(x: unknown): boolean {
  return isObject(x) && typeof x.dimension === 'string' && isNumber(x.scale) && typeof x.scope === 'string' && every(x.qualifiers, (q) => typeof q === 'string') && every(x.story, (p) => typeof p === 'string') && every(x.places, (p) => typeof p === 'string');
}

function isProblem(x: unknown): boolean {
  return isSpan(x) && typeof x.code === 'string' && typeof x.message === 'string';
}

export function isDocumentAnalysis(x: unknown): x is DocumentAnalysis {
  return isObject(x) && every(x.quotes, isQuote) && every(x.speakers, isSpeaker) && every(x.claims, isClaim) && every(x.problems, isProblem);
}

function isDigestSpeaker(x: unknown): boolean {
  return isSpeakerName(x) && isNumber(x.mentionCount);
}

function isQuoteOwner(x: unknown): boolean {
  return isTextSpan(x) && typeof (x as Fields).kind === 'string' && typeof (x as Fields).speakerKey === 'string';
}

function isClaimTraits(x: unknown): boolean {
  return (
    isObject(x) &&
    (x.group === null || typeof x.group === 'string') &&
    typeof x.placeIsCountry === 'boolean' &&
    every(x.localContext, (p) => typeof p === 'string') &&
    typeof x.countedIsCountry === 'boolean' &&
    typeof x.byLocality === 'boolean'
  );
}

export function isDocumentDigest(x: unknown): x is DocumentDigest {
  return (
    isObject(x) &&
    every(x.speakers, isDigestSpeaker) &&
    every(x.quotes, isQuoteOwner) &&
    every(x.claims, isClaim) &&
    every(x.claimTraits, isClaimTraits) &&
    (x.claimTraits as unknown[]).length === (x.claims as unknown[]).length &&
    every(x.problems, isProblem)
  );
}
