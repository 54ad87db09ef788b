import * as path from 'node:path';
import type { CodeAction, Diagnostic as LspDiagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex';
import { DECIDE_COMMAND, type DecideArgs, type DecisionEditResult } from '../shared/decisions';
import { anchorOf, relativePath, withDecision, type Decision } from '../workspace/decisions';
import { clip } from '../workspace/quotes/diagnostics';
import type { Workspace } from '../workspace/workspace';
import { findAt } from './lookup';

// Quick fixes that correct Byline: each records a decision in the decisions file of the
// article's folder (byline.json) by an edit of that file, which the editor applies, so that
// undo takes it back. The server follows the file as it changes (projectDecisions.ts), so a
// decision applies at once: to diagnostics, hovers, the views and every other file.

/** The decisions file of an article's folder, as the session knows it now. */
export interface DecisionsFileRef {
  uri: string;
  root: string;
  text: string | null;
}

/** Figures of other files a quick fix offers to unlink, at most. */
const MAX_UNLINK = 5;

export function codeActions(workspace: Workspace, uri: string, offset: number, diagnostics: readonly LspDiagnostic[], file: DecisionsFileRef | null, offsetOf: (p: { line: number; character: number }) => number | null): CodeAction[] {
  const doc = workspace.get(uri);
  if (!doc || !file) return [];
  const relative = relativePath(file.root, uri);
  if (relative === null) return [];
  const actions: CodeAction[] = [];
  const edit = (title: string, decision: Decision, fixes: LspDiagnostic[] = []) => {
    const made = decisionEdit(file, decision);
    if ('unchanged' in made) return;
    actions.push({ title, kind: 'quickfix', ...(fixes.length ? { diagnostics: fixes } : {}), ...('edit' in made ? { edit: made.edit as WorkspaceEdit } : { disabled: { reason: made.problem } }) });
  };
  const ask = (title: string, args: DecideArgs, fixes: LspDiagnostic[] = []) => actions.push({ title, kind: 'quickfix', ...(fixes.length ? { diagnostics: fixes } : {}), command: { title, command: DECIDE_COMMAND, arguments: [args] } });
  const anchor = (start: number, end: number) => anchorOf(relative, doc.text, start, end);
  const found = findAt(workspace, uri, offset);

  const speakerFixes = (local: { key: string; name: string }, cluster: { name: string; files: string[]; aliases: string[] } | null) => {
    ask(`Same person as …`, { uri, decision: { decision: 'same-person', file: relative, name: local.name, as: '' }, ask: 'person', about: local.name });
    // A speaker already kept apart is merged with no one: there is nobody to keep them apart from.
    const apart = doc.digest.speakers.some((s) => s.key === local.key && s.apart);
    if (cluster && !apart && (cluster.name !== local.name || cluster.files.length > 1 || cluster.aliases.length > 0)) {
      edit(`Not the same person as ${cluster.name}`, { decision: 'different-person', file: relative, name: local.name, from: cluster.name });
    }
  };

  if (found?.kind === 'quote') {
    const q = found.quote;
    const quote = anchor(q.start, q.end);
    edit('Not a quotation', { decision: 'not-a-quote', quote });
    ask('Speaker is …', { uri, decision: { decision: 'speaker', quote, speaker: '' }, ask: 'speaker', about: q.text });
    const local = q.attribution ? doc.analysis.speakers.find((s) => s.key === q.attribution?.speakerKey) : undefined;
    if (local && found.speaker && !local.key.startsWith('decided:')) speakerFixes(local, found.speaker);
  } else if (found?.kind === 'speaker') {
    const local = doc.analysis.speakers.find((s) => s.mentions.some((m) => m.start === found.start && m.end === found.end));
    if (local) speakerFixes(local, found.speaker);
  } else if (found?.kind === 'claim') {
    const figure = anchor(found.claim.start, found.claim.end);
    const links = workspace.claims.linksOf(uri)[found.index] ?? [];
    for (const other of links.slice(0, MAX_UNLINK)) {
      const otherFile = relativePath(file.root, other.path);
      if (otherFile === null) continue;
      edit(`Not the same thing as “${clip(other.text, 40)}” in ${path.posix.basename(otherFile)}`, { decision: 'different-figures', figure, otherFile, otherFigure: other.text });
    }
  }

  for (const d of diagnostics) {
    if (d.source !== 'Byline') continue;
    const start = offsetOf(d.range.start);
    const end = offsetOf(d.range.end);
    if (start === null || end === null) continue;
    if (d.code === 'conflicting-claim' || d.code === 'updated-claim') {
      ask('Checked: keep this conflict quiet', { uri, decision: { decision: 'checked-conflict', figure: anchor(start, end), note: '' }, ask: 'note', about: doc.text.slice(start, end) }, [d]);
    } else if (d.code === 'quote-differs' || d.code === 'quote-speaker-differs') {
      edit('Checked: keep the other versions of this quote quiet', { decision: 'checked-quote', quote: anchor(start, end) }, [d]);
    }
  }
  // The same fix offered twice (a quote with two diagnostics on it) is shown once.
  return actions.filter((a, i) => actions.findIndex((b) => b.title === a.title) === i);
}

/** The edit of the decisions file that records `decision`: the file created when there is none, else rewritten whole (edit.ts). */
export function decisionEdit(file: DecisionsFileRef, decision: Decision): DecisionEditResult {
  const made = withDecision(file.text ?? '', decision);
  if ('problem' in made || 'unchanged' in made) return made;
  if (file.text === null) {
    const edit: WorkspaceEdit = {
      documentChanges: [
        { kind: 'create', uri: file.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: file.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: made.text }] },
      ],
    };
    return { edit };
  }
  const end = new LineIndex(file.text).positionAt(file.text.length);
  const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri: file.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: made.text }] }] };
  return { edit };
}
