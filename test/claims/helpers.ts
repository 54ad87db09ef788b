import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/document';
import { findClaims, type Claim } from '../../src/core/claims';
import { ClaimIndex } from '../../src/workspace/claimIndex';

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

/** A claim index of the given files' texts, by path. */
export function indexOf(files: Record<string, string>): ClaimIndex {
  const index = new ClaimIndex();
  for (const [path, text] of Object.entries(files)) index.set(path, claimsIn(text));
  return index;
}

/** Every link of an index once, as "a.txt:40,000 conflicts b.txt:20,000", sorted. */
export function relations(index: ClaimIndex): string[] {
  const out: string[] = [];
  for (const p of index.paths()) {
    const claims = index.claimsOf(p);
    index.linksOf(p).forEach((links, i) => {
      for (const l of links) if (p < l.path) out.push(`${p}:${claims[i].text} ${l.relation} ${l.path}:${l.text}`);
    });
  }
  return out.sort();
}
