import { parseDecisions } from './parse';
import { fileOf } from './resolve';
import type { Anchor, Decision } from './types';

// A decision written into the decisions file: the file is read, the decision added to its
// list (replacing an earlier decision on the same words that it supersedes), and the whole
// written back with two-space indentation, one field a line, so that a diff shows each
// decision plainly. A file that cannot be read is never written over: its text would be lost.

export type EditResult = { text: string } | { problem: string } | { unchanged: true };

export function withDecision(text: string, decision: Decision): EditResult {
  let raw: Record<string, unknown>;
  if (text.trim() === '') raw = {};
  else {
    const read = parseDecisions(text);
    const broken = read.problems.find((p) => p.fatal);
    if (broken) return { problem: `${broken.message}. Fix it before adding a decision, so that nothing in it is lost.` };
    raw = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  }
  const list = Array.isArray(raw.decisions) ? (raw.decisions as unknown[]) : [];
  const entry = plain(decision);
  const same = JSON.stringify(entry);
  if (list.some((e) => JSON.stringify(e) === same)) return { unchanged: true };
  const kept = list.filter((e) => !supersedes(decision, e));
  raw.decisions = [...kept, entry];
  return { text: JSON.stringify(raw, null, 2) + '\n' };
}

/** The decision as the file stores it: fields in a fixed order, no empty note. */
function plain(d: Decision): Record<string, unknown> {
  const anchor = (a: Anchor) => ({ file: a.file, text: a.text, before: a.before });
  const { note, ...rest } = d;
  const out: Record<string, unknown> = { decision: d.decision };
  for (const [k, v] of Object.entries(rest)) if (k !== 'decision') out[k] = k === 'quote' || k === 'figure' ? anchor(v as Anchor) : v;
  if (note && note.trim() !== '') out.note = note.trim();
  return out;
}

/** A new speaker for a quote replaces the old; a new "same person" for a name replaces the old. */
function supersedes(d: Decision, entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  if (e.decision !== d.decision) return false;
  if (d.decision === 'speaker') {
    const q = e.quote as Anchor | undefined;
    return q?.file === d.quote.file && q?.text === d.quote.text && q?.before === d.quote.before;
  }
  if (d.decision === 'same-person') return e.file === fileOf(d) && e.name === d.name;
  return false;
}
