import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../shared/protocol';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { createStatusItem } from './status';
import { BylineView } from './view';

// Activation only wires the pieces together: the language server does the work.

let client: LanguageClient | undefined;

/** The view is refreshed at most this often while the index changes. */
const VIEW_REFRESH_MS = 500;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  const status = createStatusItem();
  const view = new BylineView(client);
  context.subscriptions.push(status.item, vscode.window.registerTreeDataProvider('byline.view', view));
  registerCommands(context, client);

  let refresh: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      status.update(params);
      clearTimeout(refresh);
      refresh = setTimeout(() => view.refresh(), VIEW_REFRESH_MS);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
