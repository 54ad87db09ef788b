import type { Diagnostic, Quote, TextProblem } from '../core/types';
import type { Severities } from './severity';
import type { Speaker, SpeakerIndex } from './speakerIndex';

// The diagnostics that underline a document's quotations and report problems in its text.
// Messages name the speaker as the whole workspace knows them ("Mark Milley"), with the
// words this document used when they differ ("named here as “he”").

export function quoteDiagnostics(path: string, quotes: readonly Quote[], problems: readonly TextProblem[], speakers: SpeakerIndex, severities: Severities): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Each speaker is described, and their role here chosen, once per document: a speaker's card
  // lists every role the articles give them, and doing it for each of a 10 MB document's
  // 16,000 quotes took 39 s.
  const named = new Map<string, { speaker: Speaker; role: string | null } | null>();
  const speakerOf = (key: string) => {
    let found = named.get(key);
    if (found === undefined) {
      const speaker = speakers.speakerOf(path, key);
      found = speaker ? { speaker, role: fullestRole(speaker, path) } : null;
      named.set(key, found);
    }
    return found;
  };
  for (const q of quotes) {
    const speaker = q.attribution ? speakerOf(q.attribution.speakerKey) : null;
    const code = !speaker ? 'unattributed-quote' : q.kind === 'indirect' ? 'reported-speech' : 'quote';
    const severity = severities[code];
    if (severity === 'off') continue;
    out.push({ start: q.start, end: q.end, severity, code, message: speaker ? attributedMessage(q, speaker.speaker, speaker.role) : unattributedMessage(q), related: [] });
  }
  for (const p of problems) {
    const severity = severities[p.code];
    if (severity !== 'off') out.push({ start: p.start, end: p.end, severity, code: p.code, message: p.message, related: [] });
  }
  return out;
}

function attributedMessage(q: Quote, speaker: Speaker, role: string | null): string {
  const what = q.kind === 'indirect' ? 'Reported speech' : q.kind === 'partial' ? 'Partial quote' : 'Quote';
  let message = `${what} by ${speaker.name}${role ? `, ${role}` : ''}`;
  const a = q.attribution;
  if (a?.via === 'continuation') message += ' (continues the previous quote)';
  else if (a?.mention && !endsWithSurname(a.mention.text, speaker.name)) message += ` (named here as “${a.mention.text}”)`;
  return message;
}

/** The fullest role this article gives ("the chairman of the US Joint Chiefs" over "General"), else the fullest any article gives. */
export function fullestRole(speaker: Speaker, path: string): string | null {
  const roles = speaker.roles.filter((r) => r.text.toLowerCase() !== speaker.name.toLowerCase());
  const here = roles.filter((r) => r.path === path);
  return [...(here.length > 0 ? here : roles)].sort((a, b) => b.text.length - a.text.length)[0]?.text ?? null;
}

/** "US Army Chief of Staff Mark Milley" and "Milley" name Mark Milley plainly; "he" and "Milli" do not. */
function endsWithSurname(mention: string, name: string): boolean {
  const last = (s: string) => s.toLowerCase().replace(/['’]s$/, '').split(/\s+/).pop() ?? '';
  return last(mention) === last(name);
}

function unattributedMessage(q: Quote): string {
  return q.kind === 'indirect' ? 'Reported speech with no speaker found nearby' : 'Quotation with no speaker found nearby';
}
