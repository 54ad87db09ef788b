import type { Utterance, UtteranceVersion } from '../shared/protocol';
import { plural } from '../shared/plural';
import { fileName } from '../shared/uris';
import { flat, oneLine } from './labels';

// What the Quotes Across Files view says about a remark and each of its versions: the label
// is the words, cut to fit; the description who said them, in how many files and whether the
// versions differ; the tooltip what the label leaves out: the whole words, the files and lines,
// the words that differ from the fullest version, the speaker another file gives them to.
// Plain strings only, so that they are tested without an editor.

/** A remark's row. */
export function utteranceRow(u: Utterance, max: number): { label: string; description: string; tooltip: string; differs: 'speaker' | 'words' | null } {
  const [fullest] = u.versions;
  const files = new Set(u.versions.map((v) => v.uri)).size;
  const others = u.versions.filter((v) => v.otherSpeaker);
  const worded = u.versions.filter((v) => v.relation === 'worded-differently').length;
  const how = others.length > 0 ? 'given to another speaker' : worded > 0 ? 'worded differently' : 'the same words';
  const differences = [
    worded > 0 ? `${worded === 1 ? 'One version is' : `${worded} versions are`} worded differently.` : null,
    ...others.map((v) => `${fileName(v.uri)} gives the words to ${v.speaker ?? 'no one'}.`),
  ].filter(Boolean);
  return {
    label: `“${oneLine(fullest.text, max)}”`,
    description: [u.speaker, plural(files, 'file'), how].filter(Boolean).join(' · '),
    tooltip: [
      `“${flat(fullest.text)}”`,
      `${u.speaker ? `${u.speaker}, quoted` : 'Quoted'} in ${listed(u.versions.map((v) => `${fileName(v.uri)} (line ${v.range.start.line + 1})`))}.`,
      differences.length > 0 ? differences.join(' ') : 'Every version has the same words, or a part of them.',
    ].join('\n\n'),
    differs: others.length > 0 ? 'speaker' : worded > 0 ? 'words' : null,
  };
}

const RELATION: Record<UtteranceVersion['relation'], string> = {
  fullest: 'the fullest version',
  verbatim: 'the same words',
  'part-of': 'a part of it',
  'worded-differently': 'worded differently',
};

/** A version's row under its remark. */
export function versionRow(v: UtteranceVersion, fullest: UtteranceVersion, max: number): { label: string; description: string; tooltip: string } {
  const what = v.reported ? 'Reported speech (no quotation marks)' : 'Quote';
  const lines = [`${what} in ${fileName(v.uri)}, line ${v.range.start.line + 1}${v.speaker ? `, by ${v.speaker}` : ''}:`, `“${flat(v.text)}”`];
  if (v !== fullest) {
    const there = fileName(fullest.uri);
    if (v.added.length > 0) lines.push(`Not in the fullest version (${there}): ${quoted(v.added)}.`);
    if (v.missing.length > 0) lines.push(`Left out here: ${quoted(v.missing)}.`);
    if (v.relation === 'verbatim') lines.push(`The same words as ${there}.`);
    if (v.relation === 'part-of' && v.added.length === 0) lines.push(`A part of what ${there} quotes.`);
    if (v.otherSpeaker) lines.push(`${there} gives these words to ${fullest.speaker}.`);
  }
  return { label: oneLine(v.text, max), description: `${fileName(v.uri)}:${v.range.start.line + 1} · ${RELATION[v.relation]}`, tooltip: lines.join('\n\n') };
}

function quoted(phrases: readonly string[]): string {
  return phrases.map((p) => `“${p}”`).join(', ');
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
