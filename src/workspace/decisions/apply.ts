import type { DocumentAnalysis } from '../../core/analyze';
import type { DocumentSpeaker, Quote, Span } from '../../core/types';
import type { DocumentCorrections } from './resolve';

// A reader's decisions applied to one article's analysis: quotes that are not quotations go,
// quotes get the speaker the reader named, speakers take the name of the person the reader
// said they are. What holds across articles (speakers merged, figures compared, quotes'
// versions) follows, because the workspace indexes the corrected analysis.

/** The prefix of the key of a speaker a decision introduces (a name the article's analysis did not find). */
const DECIDED = 'decided:';

export function correctAnalysis(a: DocumentAnalysis, c: DocumentCorrections): DocumentAnalysis {
  const speakers = a.speakers.map((s) => renamed(s, c));
  let quotes: Quote[] = a.quotes;
  const dropped = new Set(c.notQuotes.flatMap((p) => (p.span ? [quoteAt(quotes, p.span)] : [])).filter((q): q is Quote => q !== null));
  if (dropped.size > 0) quotes = quotes.filter((q) => !dropped.has(q));
  for (const p of c.speakers) {
    const quote = p.span ? quoteAt(quotes, p.span) : null;
    if (!quote) continue;
    const speaker = speakerNamed(speakers, p.decision.speaker) ?? addSpeaker(speakers, p.decision.speaker);
    quotes = quotes.map((q) => (q === quote ? { ...q, attribution: { speakerKey: speaker.key, mention: null, cue: null, via: 'decision' } } : q));
  }
  return { ...a, speakers, quotes };
}

/** The keys of the article's speakers the reader kept apart from the person Byline merged them with. */
export function apartKeys(a: DocumentAnalysis, c: DocumentCorrections): Set<string> {
  const keys = new Set<string>();
  for (const p of c.differentPersons) {
    const s = speakerNamed(a.speakers, p.decision.name);
    if (s) keys.add(s.key);
  }
  return keys;
}

/**
 * The quote a decision's words are: the quote with exactly those bounds, else the smallest
 * quote around them, else null (the words are there but Byline no longer finds a quote there).
 */
export function quoteAt<Q extends Span>(quotes: readonly Q[], span: Span): Q | null {
  const exact = quotes.find((q) => q.start === span.start && q.end === span.end);
  if (exact) return exact;
  const around = quotes.filter((q) => q.start <= span.start && span.end <= q.end).sort((x, y) => x.end - x.start - (y.end - y.start));
  if (around[0]) return around[0];
  // The decision's words may have lost or gained a quotation mark: the quote they mostly cover.
  const within = quotes.filter((q) => span.start <= q.start && q.end <= span.end && (q.end - q.start) * 2 > span.end - span.start);
  return within[0] ?? null;
}

/** The speaker an article calls `name`: by their fullest name or any form of it, ignoring case. */
export function speakerNamed<S extends Pick<DocumentSpeaker, 'name' | 'forms'>>(speakers: readonly S[], name: string): S | null {
  const wanted = name.trim().toLowerCase();
  return speakers.find((s) => s.name.toLowerCase() === wanted) ?? speakers.find((s) => s.forms.some((f) => f.toLowerCase() === wanted)) ?? null;
}

function renamed(s: DocumentSpeaker, c: DocumentCorrections): DocumentSpeaker {
  const same = c.samePersons.find((p) => speakerNamed([s], p.decision.name));
  if (!same) return s;
  const as = same.decision.as.trim();
  // The index merges speakers by name: going by the other name, they join that person.
  return { ...s, name: as, forms: s.forms.includes(as) ? s.forms : [...s.forms, as] };
}

function addSpeaker(speakers: DocumentSpeaker[], name: string): DocumentSpeaker {
  const speaker: DocumentSpeaker = { key: `${DECIDED}${name.trim()}`, name: name.trim(), kind: looksLikeOrganization(name) ? 'organization' : 'person', forms: [name.trim()], roles: [], mentions: [], gender: null };
  speakers.push(speaker);
  return speaker;
}

/** "the White House", "Reuters News Agency": a name the reader typed that is not a person's. */
function looksLikeOrganization(name: string): boolean {
  return /^the\s/i.test(name.trim()) || /\b(ministry|agency|office|department|house|council|police|army|government|company|news|times|post|reuters|press)\b/i.test(name);
}
