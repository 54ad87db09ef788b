import * as path from 'node:path';
import * as vscode from 'vscode';
import { matchesFilter } from '../node/files';
import { parseSettings } from '../server/settings';

// Plain-text files that Byline reads as articles are opened as News articles: they then wrap
// and are marked like `.news` files (the `[news]` defaults in package.json), while every other
// text file keeps the user's plain-text settings. `files.associations` cannot say this, since
// it is the include/exclude globs, not the extension, that make a `.txt` file an article.
// The globs are applied here as the server applies them (the same parsing and matching), so
// that a document is switched before the language server ever sees it: switching later
// closes and reopens it there, which the first open of a window cannot afford.

export function openArticlesAsNews(): vscode.Disposable {
  const consider = (document: vscode.TextDocument) => {
    if (document.languageId === 'plaintext' && isArticle(document.uri)) void vscode.languages.setTextDocumentLanguage(document, 'news');
  };
  for (const document of vscode.workspace.textDocuments) consider(document);
  return vscode.workspace.onDidOpenTextDocument(consider);
}

/** True when the byline.include/exclude settings of the file's folder make it an article. */
function isArticle(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file') return false;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const { settings } = parseSettings(vscode.workspace.getConfiguration('byline', uri));
  const relative = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : path.basename(uri.fsPath);
  return matchesFilter(relative, settings);
}
