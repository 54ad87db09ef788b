import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartingErrorHandler } from './restart';

// Starts the Byline language server in its own Node process (IPC), for news and plain-text
// files; the server decides from the byline.include/exclude settings which files it reads.

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'news' },
      { scheme: 'file', language: 'plaintext' },
      // Each folder's decisions file: the server follows it as it is edited (and undone), saved or not.
      { scheme: 'file', pattern: '**/byline.json' },
    ],
    synchronize: {
      configurationSection: 'byline',
      // Every file: the server matches the include/exclude globs, which the user may widen.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
    outputChannelName: 'Byline',
    errorHandler: new RestartingErrorHandler(),
    // The server keeps its analysis cache here: this workspace's storage, or the global one
    // when no folder is open. Deleting it is always safe.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, trusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient('byline', 'Byline', serverOptions, clientOptions);
}
