import * as vscode from 'vscode';
import type { StatusParams } from '../shared/protocol';

// The language status item: how many files Byline has indexed and how many conflicts it
// found, with the files it had to skip and why.

export function createStatusItem(): { item: vscode.LanguageStatusItem; update(status: StatusParams): void } {
  const item = vscode.languages.createLanguageStatusItem('byline.status', [{ language: 'news' }, { language: 'plaintext' }]);
  item.name = 'Byline';
  item.text = '$(loading~spin) Byline';
  item.command = { command: 'byline.nextConflict', title: 'Next conflict' };
  return {
    item,
    update(status) {
      const files = `${status.files} ${status.files === 1 ? 'file' : 'files'} indexed`;
      const conflicts = `${status.conflicts} ${status.conflicts === 1 ? 'conflict' : 'conflicts'}`;
      item.text = `${status.indexing ? '$(loading~spin) ' : ''}Byline: ${files} · ${conflicts}`;
      item.busy = status.indexing;
      item.severity = status.conflicts > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      item.detail = status.skipped.length > 0 ? `${status.skipped.length} skipped: ${status.skipped.slice(0, 3).map((s) => `${decodeURIComponent(s.uri.slice(s.uri.lastIndexOf('/') + 1))} (${s.reason})`).join('; ')}` : undefined;
    },
  };
}
