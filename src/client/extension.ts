// First: the language server's process starts while VS Code prepares the extension (earlyServer.ts).
import './earlyServer';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../shared/protocol';
import { registerCommands } from './commands';
import { registerDecide } from './decide';
import { createLanguageClient } from './languageClient';
import { MarksFeature } from './marks';
import { startupTime } from './startupTime';
import { createStatusItem } from './status';
import { openArticlesAsNews } from './articles';
import { ClaimsTree, QuotesTree, SpeakersTree } from './view';

// Activation only wires the pieces together: the language server does the work.

let client: LanguageClient | undefined;

/**
 * The views are refreshed this long after the server last published diagnostics or its status
 * (a burst of files published is one refresh), so that they change with the squiggles.
 */
const VIEW_REFRESH_MS = 100;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One channel with log levels for the client, the server and (byline.trace.server) their messages.
  const output = vscode.window.createOutputChannel('Byline', { log: true });
  // For the first-open timing (docs/first-underline.md).
  output.info(`Activated ${startupTime()}`);
  let refresh: NodeJS.Timeout | undefined;
  const refreshViews = () => {
    clearTimeout(refresh);
    refresh = setTimeout(() => {
      for (const view of [claims, speakers, quotes]) view.refresh();
    }, VIEW_REFRESH_MS);
  };
  const languageClient = createLanguageClient(context, output, refreshViews);
  client = languageClient;
  const status = createStatusItem();
  const claims = new ClaimsTree(client);
  const speakers = new SpeakersTree(client);
  const quotes = new QuotesTree(client);
  context.subscriptions.push(
    status,
    vscode.window.registerTreeDataProvider('byline.claims', claims),
    vscode.window.registerTreeDataProvider('byline.speakers', speakers),
    vscode.window.registerTreeDataProvider('byline.quotes', quotes),
  );
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

  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      status.update(params);
      refreshViews();
    }),
    { dispose: () => clearTimeout(refresh) },
  );
  // Before the client starts: the marks' provider, so that VS Code asks for them at once, and
  // a .txt article made a News article by the time the server hears of it.
  let started: () => void = () => undefined;
  const marks = new MarksFeature(languageClient, new Promise<void>((resolve) => (started = resolve)), output);
  languageClient.registerFeature(marks);
  context.subscriptions.push(marks.register(), openArticlesAsNews());
  try {
    await client.start();
  } finally {
    // A client that failed to start answers no request: the provider's requests then fail, and give no marks.
    started();
  }
  output.info(`Language server started and initialised ${startupTime()}`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
