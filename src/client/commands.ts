import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONFLICTS_REQUEST,
  RESCAN_REQUEST,
  SPEAKER_AT_REQUEST,
  SPEAKER_QUOTES_REQUEST,
  SPEAKERS_REQUEST,
  type ConflictLocation,
  type SpeakerQuote,
  type SpeakerSummary,
  type WireLocation,
} from '../shared/protocol';
import { labelName } from '../shared/names';
import { plural } from '../shared/plural';
import { fileName } from '../shared/uris';
import { distinctRoles, oneLine } from './labels';
import { reveal } from './locations';

// Commands: walk the conflicting claims across files, list a speaker's quotes, re-index.

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('byline.nextConflict', () => stepConflict(client, 1)),
    vscode.commands.registerCommand('byline.previousConflict', () => stepConflict(client, -1)),
    vscode.commands.registerCommand('byline.showSpeakerQuotes', (id?: string) => showSpeakerQuotes(client, id)),
    vscode.commands.registerCommand('byline.reindex', () => client.sendRequest(RESCAN_REQUEST)),
    vscode.commands.registerCommand('byline.open', (location: WireLocation) => reveal(location)),
  );
}

/** Moves to the next (or previous) conflicting claim after the cursor, across files, wrapping around. */
async function stepConflict(client: LanguageClient, direction: 1 | -1): Promise<void> {
  const conflicts = await client.sendRequest<ConflictLocation[]>(CONFLICTS_REQUEST);
  if (conflicts.length === 0) {
    void vscode.window.showInformationMessage('Byline: no figures disagree across the articles in this workspace.');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  // From the start of the selection: a jump selects a claim, and the next jump must leave it.
  const here = editor ? { uri: editor.document.uri.toString(), line: editor.selection.start.line, character: editor.selection.start.character } : null;
  const compare = (c: ConflictLocation) => {
    if (!here) return 1;
    if (c.uri !== here.uri) return c.uri < here.uri ? -1 : 1;
    const { line, character } = c.range.start;
    return line !== here.line ? line - here.line : character - here.character;
  };
  const ordered = direction === 1 ? conflicts : [...conflicts].reverse();
  const target = ordered.find((c) => direction * compare(c) > 0) ?? ordered[0];
  await reveal(target);
  vscode.window.setStatusBarMessage(`Byline: ${target.message}`, 5000);
}

async function showSpeakerQuotes(client: LanguageClient, id?: string): Promise<void> {
  let speakerId = id ?? null;
  const editor = vscode.window.activeTextEditor;
  if (!speakerId && editor) {
    speakerId = await client.sendRequest<string | null>(SPEAKER_AT_REQUEST, {
      uri: editor.document.uri.toString(),
      position: { line: editor.selection.active.line, character: editor.selection.active.character },
    });
  }
  const speakers = await client.sendRequest<SpeakerSummary[]>(SPEAKERS_REQUEST);
  if (!speakerId) {
    const pick = await vscode.window.showQuickPick(
      speakers.map((s) => ({
        label: labelName(s.name),
        description: `${plural(s.quoteCount, 'quote')} · ${plural(s.files, 'file')}`,
        detail: distinctRoles(s.roles, s.name).slice(0, 3).join(' · ') || undefined,
        id: s.id,
      })),
      { placeHolder: 'Whose quotes? Type a name', matchOnDescription: true, matchOnDetail: true },
    );
    if (!pick) return;
    speakerId = pick.id;
  }
  const speaker = speakers.find((s) => s.id === speakerId);
  const name = speaker ? labelName(speaker.name) : 'this speaker';
  const quotes = await client.sendRequest<SpeakerQuote[]>(SPEAKER_QUOTES_REQUEST, { id: speakerId });
  // The file and line come first, in the label, where a long quote cannot push them off screen;
  // the quote itself is the detail line below.
  const pick = await vscode.window.showQuickPick(
    quotes.map((q) => ({
      label: `${fileName(q.uri)}:${q.range.start.line + 1}`,
      description: q.kind === 'indirect' ? 'reported speech' : q.kind === 'partial' ? 'partial quote' : 'quote',
      detail: oneLine(q.text, 120),
      quote: q,
    })),
    { title: `${name}: ${plural(quotes.length, 'quote')}`, placeHolder: `Pick one of ${name}’s quotes to open it, or type to filter`, matchOnDetail: true },
  );
  if (pick) await reveal(pick.quote);
}
