import { DECISION_KINDS, DECISIONS_FILE, type Anchor, type Decision, type DecisionKind, type DecisionsFile, type DecisionsProblem, type ReadDecision } from './types';

// Reads the decisions file. A file that is not JSON, or an entry that is not a decision, is
// named in a message and left as it is: it is never rewritten away (edit.ts refuses to write
// over a file it cannot read), and the entries that can be read still apply.

/** The settings the file may hold: those that matter in CI as well as in the editor. */
export const FILE_SETTINGS = ['include', 'exclude', 'cueVerbs', 'numericTolerance', 'severity'] as const;

const TOP_KEYS = ['$schema', 'settings', 'decisions'];
/** Longest quote, figure, name or note kept: a decision names a few words, not an article. */
const MAX_TEXT = 2000;

export function parseDecisions(text: string): DecisionsFile {
  const empty: DecisionsFile = { decisions: [], settings: {}, problems: [] };
  if (text.trim() === '') return empty;
  let raw: unknown;
  try {
    // A byte-order mark some editors write is no part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ...empty, problems: [{ message: `${DECISIONS_FILE} is not valid JSON (${e instanceof Error ? e.message : String(e)}); none of its decisions or settings apply until it is fixed`, fatal: true }] };
  }
  if (!isObject(raw)) return { ...empty, problems: [{ message: `${DECISIONS_FILE} must hold an object with "settings" and "decisions"; none of it applies`, fatal: true }] };
  const problems: DecisionsProblem[] = [];
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) problems.push({ message: `${DECISIONS_FILE}: unknown entry "${key}" is ignored (known: settings, decisions)` });
  }
  let settings: Record<string, unknown> = {};
  if (raw.settings !== undefined) {
    if (!isObject(raw.settings)) problems.push({ message: `${DECISIONS_FILE}: "settings" must be an object; the editor's settings apply instead`, setting: 'settings' });
    else {
      settings = {};
      for (const [key, value] of Object.entries(raw.settings)) {
        if ((FILE_SETTINGS as readonly string[]).includes(key)) settings[key] = value;
        else problems.push({ message: `${DECISIONS_FILE}: unknown setting "settings.${key}" is ignored (known: ${FILE_SETTINGS.join(', ')})`, setting: `settings.${key}` });
      }
    }
  }
  const decisions: ReadDecision[] = [];
  if (raw.decisions !== undefined) {
    if (!Array.isArray(raw.decisions)) problems.push({ message: `${DECISIONS_FILE}: "decisions" must be a list; none of them apply`, fatal: true });
    else
      raw.decisions.forEach((entry, index) => {
        const read = readDecision(entry);
        if (typeof read === 'string') problems.push({ message: `${DECISIONS_FILE}: decision ${index + 1} ${read}; it does not apply`, index });
        else decisions.push({ index, decision: read });
      });
  }
  return { decisions, settings, problems };
}

/** The decision an entry holds, or what is wrong with it. */
function readDecision(entry: unknown): Decision | string {
  if (!isObject(entry)) return 'is not an object';
  const kind = entry.decision;
  if (typeof kind !== 'string' || !(DECISION_KINDS as readonly string[]).includes(kind)) {
    return `has ${kind === undefined ? 'no "decision"' : `an unknown "decision" ${JSON.stringify(kind)}`} (one of ${DECISION_KINDS.join(', ')})`;
  }
  const known = ['decision', 'note', ...FIELDS[kind as DecisionKind]];
  const unknown = Object.keys(entry).filter((k) => !known.includes(k));
  if (unknown.length > 0) return `(${kind}) has unknown ${unknown.length === 1 ? 'field' : 'fields'} ${unknown.map((k) => `"${k}"`).join(', ')}`;
  const note = entry.note;
  if (note !== undefined && !isText(note)) return `(${kind}) has a "note" that is not text`;
  const noted = note === undefined ? {} : { note: note as string };
  const text = (field: string): string | null => (isText(entry[field]) && (entry[field] as string).trim() !== '' ? (entry[field] as string) : null);
  const missing = (field: string, what: string) => `(${kind}) needs "${field}": ${what}`;
  switch (kind as DecisionKind) {
    case 'not-a-quote':
    case 'checked-quote':
    case 'speaker': {
      const quote = readAnchor(entry.quote);
      if (typeof quote === 'string') return `(${kind}) ${quote.replaceAll('$', 'quote')}`;
      if (kind === 'not-a-quote') return { decision: 'not-a-quote', quote, ...noted };
      if (kind === 'checked-quote') return { decision: 'checked-quote', quote, ...noted };
      const speaker = text('speaker');
      return speaker === null ? missing('speaker', "the speaker's name") : { decision: 'speaker', quote, speaker, ...noted };
    }
    case 'checked-conflict':
    case 'different-figures': {
      const figure = readAnchor(entry.figure);
      if (typeof figure === 'string') return `(${kind}) ${figure.replaceAll('$', 'figure')}`;
      if (kind === 'checked-conflict') return { decision: 'checked-conflict', figure, ...noted };
      const otherFile = text('otherFile');
      const otherFigure = text('otherFigure');
      if (otherFile === null) return missing('otherFile', 'the article of the other figure');
      if (otherFigure === null) return missing('otherFigure', 'the other figure as that article gives it');
      return { decision: 'different-figures', figure, otherFile, otherFigure, ...noted };
    }
    case 'same-person':
    case 'different-person': {
      const file = text('file');
      const name = text('name');
      const other = kind === 'same-person' ? 'as' : 'from';
      const otherName = text(other);
      if (file === null) return missing('file', 'the article that names the speaker');
      if (name === null) return missing('name', 'the name that article uses');
      if (otherName === null) return missing(other, kind === 'same-person' ? 'the name of the person they are' : 'the name of the person they are not');
      return kind === 'same-person' ? { decision: 'same-person', file, name, as: otherName, ...noted } : { decision: 'different-person', file, name, from: otherName, ...noted };
    }
  }
}

const FIELDS: Record<DecisionKind, string[]> = {
  'not-a-quote': ['quote'],
  'checked-quote': ['quote'],
  speaker: ['quote', 'speaker'],
  'checked-conflict': ['figure'],
  'different-figures': ['figure', 'otherFile', 'otherFigure'],
  'same-person': ['file', 'name', 'as'],
  'different-person': ['file', 'name', 'from'],
};

/** An anchor ({ file, text, before }), or what is wrong with it ("$" stands for the field's name). */
function readAnchor(raw: unknown): Anchor | string {
  if (!isObject(raw)) return 'needs "$": an object with "file", "text" and "before"';
  const { file, text, before } = raw;
  if (!isText(file) || file.trim() === '') return 'needs "$.file": the article, relative to the folder of byline.json';
  if (!isText(text) || text.trim() === '') return 'needs "$.text": the words themselves';
  if (before !== undefined && !isText(before)) return 'has a "$.before" that is not text';
  const unknown = Object.keys(raw).filter((k) => !['file', 'text', 'before'].includes(k));
  if (unknown.length > 0) return `has unknown ${unknown.length === 1 ? 'field' : 'fields'} ${unknown.map((k) => `"$.${k}"`).join(', ')}`;
  return { file, text, before: (before as string | undefined) ?? '' };
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
