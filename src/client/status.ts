import * as vscode from 'vscode';
import type { StatusParams } from '../shared/protocol';
import { plural } from '../shared/plural';
import { fileName } from '../shared/uris';

// The status bar item, shown beside an article: "Byline: 5 articles · 1 conflict". Its action
// fits the state: with conflicts it goes to the next one; without, it opens the Byline view.
// A conflict turns it to the warning colour, so that it cannot be missed.

/** Skipped files named in the tooltip at most; the rest are counted. */
const MAX_SKIPPED = 3;

export function createStatusItem(): { item: vscode.StatusBarItem; update(status: StatusParams): void; dispose(): void } {
  const item = vscode.window.createStatusBarItem('byline.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Byline';
  item.text = '$(loading~spin) Byline';
  item.tooltip = 'Byline is reading the articles in this workspace.';
  const visibility = () => {
    if (vscode.window.activeTextEditor?.document.languageId === 'news') item.show();
    else item.hide();
  };
  // A `.txt` article is reopened as a News article (articles.ts) without the active editor changing.
  const listeners = [vscode.window.onDidChangeActiveTextEditor(visibility), vscode.workspace.onDidOpenTextDocument(visibility)];
  visibility();
  return {
    item,
    update(status) {
      const articles = plural(status.files, 'article');
      const conflicts = plural(status.conflicts, 'conflict');
      item.text = `${status.indexing ? '$(loading~spin) ' : ''}Byline: ${articles} · ${conflicts}`;
      item.backgroundColor = status.conflicts > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.command =
        status.conflicts > 0
          ? { command: 'byline.nextConflict', title: 'Go to the Next Conflicting Claim' }
          : { command: 'workbench.view.extension.byline', title: 'Show the Byline View' };
      const lines = [
        status.indexing ? `Byline is reading the articles: ${articles} so far.` : `Byline has read ${articles} in this workspace.`,
        status.conflicts > 0
          ? `${status.conflicts === 1 ? 'One pair of figures disagrees' : `${status.conflicts} pairs of figures disagree`} across articles. Click to go to the next conflicting claim.`
          : 'No figures disagree across articles. Click to show the Byline view.',
      ];
      if (status.skipped.length > 0) {
        const named = status.skipped.slice(0, MAX_SKIPPED).map((s) => `${fileName(s.uri)} (${s.reason})`);
        const more = status.skipped.length > MAX_SKIPPED ? `, and ${status.skipped.length - MAX_SKIPPED} more` : '';
        lines.push(`${plural(status.skipped.length, 'file')} skipped: ${named.join('; ')}${more}.`);
      }
      item.tooltip = lines.join('\n\n');
    },
    dispose() {
      for (const l of listeners) l.dispose();
      item.dispose();
    },
  };
}
