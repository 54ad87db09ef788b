import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IS_ARTICLE_REQUEST } from '../shared/protocol';

// Plain-text files that Byline reads as articles are opened as News articles: they then wrap
// and are marked like `.news` files (the `[news]` defaults in package.json), while every other
// text file keeps the user's plain-text settings. `files.associations` cannot say this, since
// it is the include/exclude globs, not the extension, that make a `.txt` file an article; the
// server, which applies them, is asked.

export function openArticlesAsNews(client: LanguageClient): vscode.Disposable {
  const consider = async (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file') return;
    const article = await client.sendRequest<boolean>(IS_ARTICLE_REQUEST, { uri: document.uri.toString() });
    // The document may have been closed, or its language changed by the user, meanwhile.
    if (article && !document.isClosed && document.languageId === 'plaintext') await vscode.languages.setTextDocumentLanguage(document, 'news');
  };
  for (const document of vscode.workspace.textDocuments) void consider(document);
  return vscode.workspace.onDidOpenTextDocument((document) => void consider(document));
}
