import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../shared/protocol';
import { registerCommands } from './commands';
import { registerDecide } from './decide';
import { createLanguageClient } from './languageClient';
import { createStatusItem } from './status';
import { openArticlesAsNews } from './articles';
import { ClaimsTree, SpeakersTree } from './view';

// Activation only wires the pieces together: the language server does the work.

let client: LanguageClient | undefined;

/**
 * The views are refreshed this long after the index last changed: with the status, which the
 * server sends when it has published diagnostics, so the views keep up with the underlines.
 */
const VIEW_REFRESH_MS = 100;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One channel with log levels for the client, the server and (byline.trace.server) their messages.
  const output = vscode.window.createOutputChannel('Byline', { log: true });
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  const status = createStatusItem();
  const claims = new ClaimsTree(client);
  const speakers = new SpeakersTree(client);
  context.subscriptions.push(status, vscode.window.registerTreeDataProvider('byline.claims', claims), vscode.window.registerTreeDataProvider('byline.speakers', speakers));
  registerCommands(context, client);
  registerDecide(context, client);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('byline.showOutput', () => output.show()),
    vscode.commands.registerCommand('byline.restartServer', async () => {
      output.info('Restarting the language server (Byline: Restart Server)');
      await languageClient.restart();
    }),
  );

  let refresh: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      status.update(params);
      clearTimeout(refresh);
      refresh = setTimeout(() => {
        claims.refresh();
        speakers.refresh();
      }, VIEW_REFRESH_MS);
    }),
  );
  // Before the client starts: a .txt article is a News article by the time the server hears of it.
  context.subscriptions.push(openArticlesAsNews());
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
