import * as vscode from 'vscode';
import type { WireLocation, WireRange } from '../shared/protocol';

// From the protocol's plain ranges to VS Code's, and opening a place in an editor.

export function toRange(r: WireRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export async function reveal(location: WireLocation): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const range = toRange(location.range);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

