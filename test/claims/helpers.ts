import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/document';
import { findClaims, type Claim } from '../../src/core/claims';

export function claimsIn(text: string): Claim[] {
  return findClaims(parseDocument(text));
}

/** The one claim in `text` whose words are `words`; fails listing what was found otherwise. */
export function claim(text: string, words: string): Claim {
  const claims = claimsIn(text);
  const found = claims.find((c) => c.text === words);
  assert.ok(found, `no claim '${words}' in: ${text}\nfound: ${claims.map((c) => `'${c.text}'`).join(', ') || 'none'}`);
  return found;
}
