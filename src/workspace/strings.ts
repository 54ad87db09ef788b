import type { DocumentDigest } from './digest';

// Digests of analyses reach the workspace as fresh objects (from worker threads, from the
// cache), each with its own copies of the same short strings: "person", "Trump", "President",
// thousands of times over in an archive. The workspace keeps one copy of each speaker's
// strings, which saves 16 MB of the index of 10,000 articles. Values are unchanged, only shared.

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
   * Replaces the short strings of the digest's speakers by their shared copies, in place.
   * Speakers' names, forms and roles are most of the repetition; sharing the strings of quotes
   * and claims as well saved another 18 MB of 10,000 files' index and cost a warm start a
   * quarter of a second (a look-up for each of 1.5 million strings).
   */
  shareDigest(d: DocumentDigest): void {
    for (const s of d.speakers) {
      s.key = this.share(s.key);
      s.name = this.share(s.name);
      s.kind = this.share(s.kind);
      for (let i = 0; i < s.forms.length; i++) s.forms[i] = this.share(s.forms[i]);
      for (const r of s.roles) r.text = this.share(r.text);
    }
  }
}
