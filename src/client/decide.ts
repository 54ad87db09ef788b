import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkspaceEdit } from 'vscode-languageclient';
import { DECIDE_COMMAND, DECISION_EDIT_REQUEST, TRUSTED_NOTIFICATION, type DecideArgs, type DecisionEditResult } from '../shared/decisions';
import { SPEAKERS_REQUEST, type SpeakerSummary } from '../shared/protocol';
import { labelName } from '../shared/names';
import { plural } from '../shared/plural';

// The quick fixes that need an answer first: "Speaker is …" and "Same person as …" ask for a
// name (one of the workspace's speakers, or one typed), "Checked: keep this conflict quiet"
// for an optional note. The server turns the answer into an edit of byline.json, applied here
// as any edit is, so that undo takes it back.

export function registerDecide(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(DECIDE_COMMAND, (args: DecideArgs) => decide(client, args)),
    // byline.json's settings that choose what is read apply once the workspace is trusted (projectDecisions.ts).
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(TRUSTED_NOTIFICATION)),
  );
}

async function decide(client: LanguageClient, args: DecideArgs): Promise<void> {
  const decision = { ...args.decision };
  if (args.ask === 'note') {
    const note = await vscode.window.showInputBox({
      title: `Keep the conflict over “${args.about}” quiet`,
      prompt: 'A note for whoever reads byline.json, such as “004 is a translation; 003 is the source” (optional). Press Enter to record the decision.',
      placeHolder: 'Why the figures may differ (optional)',
    });
    if (note === undefined) return;
    if (note.trim() === '') delete decision.note;
    else decision.note = note.trim();
  } else {
    const name = await pickSpeaker(client, args);
    if (!name) return;
    decision[args.ask === 'speaker' ? 'speaker' : 'as'] = name;
  }
  const result = await client.sendRequest<DecisionEditResult>(DECISION_EDIT_REQUEST, { uri: args.uri, decision });
  if ('problem' in result) {
    void vscode.window.showErrorMessage(`Byline: ${result.problem}`);
    return;
  }
  if ('unchanged' in result) return;
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as WorkspaceEdit);
  if (!(await vscode.workspace.applyEdit(edit))) void vscode.window.showErrorMessage('Byline: the decision could not be written to byline.json.');
}

/** A speaker of the workspace, or a name the reader types. */
async function pickSpeaker(client: LanguageClient, args: DecideArgs): Promise<string | undefined> {
  const speakers = await client.sendRequest<SpeakerSummary[]>(SPEAKERS_REQUEST);
  const known = speakers.map((s) => ({ label: labelName(s.name), description: `${plural(s.quoteCount, 'quote')} · ${plural(s.files, 'file')}`, name: s.name }));
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { name: string }>();
  pick.title = args.ask === 'speaker' ? `Who said “${shortened(args.about)}”?` : `Who is “${args.about}”?`;
  pick.placeholder = 'Choose a speaker, or type a name and press Enter';
  pick.matchOnDescription = true;
  pick.items = known;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    const exists = known.some((k) => k.name.toLowerCase() === typed.toLowerCase());
    pick.items = typed && !exists ? [{ label: typed, description: 'a name not among the speakers', name: typed, alwaysShow: true }, ...known] : known;
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.name ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function shortened(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}…`;
}
