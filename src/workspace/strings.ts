import type { Claim } from '../core/claims';
import type { ClaimTraits } from './claims/compare';
import type { DocumentDigest } from './digest';

// Digests of analyses reach the workspace as fresh objects (from worker threads, from the
// cache), each with its own copies of the same short strings: "person", "Trump", "President",
// thousands of times over in an archive. The workspace keeps one copy of each of its speakers'
// and claims' strings, which saves 25 MB of the index of 10,000 articles. Values are
// unchanged, only shared.

/** Longer strings (quotations, messages) are rarely repeated: not worth a look-up. */
const MAX_SHARED_LENGTH = 48;
/** Distinct strings remembered; past this the pool starts again (an edit session coins many). */
const MAX_POOL_SIZE = 250_000;

export class StringPool {
  private pool = new Map<string, string>();

  share<T extends string>(s: T): T {
    if (s.length > MAX_SHARED_LENGTH) return s;
    const shared = this.pool.get(s);
    if (shared !== undefined) return shared as T;
    if (this.pool.size >= MAX_POOL_SIZE) this.pool = new Map();
    this.pool.set(s, s);
    return s;
  }

  /**
   * Replaces the short strings of the digest's speakers and claims by their shared copies, in
   * place. Shared, they compare in one step: a story told by thousands of files compares every
   * claim's places and context with every other's, and with a copy each that took 60% longer.
   * Quotes' strings are not shared: 9 MB of 10,000 files' index, and a look-up each.
   */
  shareDigest(d: DocumentDigest): void {
    this.shareSpeakers(d.speakers);
    d.claims.forEach((c, i) => this.shareClaim(c, d.claimTraits[i]));
  }

  /** The speakers' part of `shareDigest`. */
  shareSpeakers(speakers: DocumentDigest['speakers']): void {
    for (const s of speakers) {
      s.key = this.share(s.key);
      s.name = this.share(s.name);
      s.kind = this.share(s.kind);
      for (let i = 0; i < s.forms.length; i++) s.forms[i] = this.share(s.forms[i]);
      for (const r of s.roles) r.text = this.share(r.text);
    }
  }

  /** One claim's part of `shareDigest`, with its traits: a front end shares a large document's a slice at a time (Workspace.prepare). */
  shareClaim(claim: Claim, traits: ClaimTraits): void {
    this.shareFields(claim as unknown as Record<string, unknown>);
    this.shareFields(traits as unknown as Record<string, unknown>);
  }

  /** Every string field, and every string in an array field (claims' fields are many, and grow). */
  private shareFields(o: Record<string, unknown>): void {
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (typeof v === 'string') o[key] = this.share(v);
      else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (typeof v[i] === 'string') v[i] = this.share(v[i] as string);
    }
  }
}
