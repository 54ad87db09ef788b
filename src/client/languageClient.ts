import * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter, LanguageClient, type DynamicFeature, type LanguageClientOptions, type ServerOptions, type StaticFeature } from 'vscode-languageclient/node';
import { startServer, takeEarlyServer } from './earlyServer';
import { SEMANTIC_TOKENS_METHOD } from './marks';
import { RestartNotice } from './restart';

// Starts the Byline language server in its own Node process (IPC), for news and plain-text
// files; the server decides from the byline.include/exclude settings which files it reads.
// Its log goes to the Byline output channel, at the levels the user picks there ("Set Log
// Level…"); `byline.trace.server` adds the messages between editor and server.

/** Restarts vscode-languageclient allows within three minutes before it gives up. */
const MAX_RESTARTS = 4;

/** `published`: called whenever the server publishes a file's diagnostics, after VS Code has them. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, published: () => void): LanguageClient {
  // The first start takes the process started as the extension's code loaded (earlyServer.ts);
  // a restart starts a new one. In development the server listens for a debugger on port 6009.
  const debug = context.extensionMode === vscode.ExtensionMode.Development;
  const serverOptions: ServerOptions = async () => {
    let server = takeEarlyServer();
    if (!server || debug) {
      server?.kill();
      server = startServer([], debug ? ['--nolazy', '--inspect=6009'] : []);
    }
    // What the server prints outside the protocol goes to the output channel, as vscode-languageclient does with a server it starts.
    for (const stream of [server.stdout, server.stderr]) stream?.on('data', (data: Buffer) => output.append(data.toString()));
    return { reader: new IPCMessageReader(server), writer: new IPCMessageWriter(server), detached: false };
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
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        published();
      },
    },
    outputChannel: output,
    traceOutputChannel: output,
    // The server keeps its analysis cache here: this workspace's storage, or the global one
    // when no folder is open. Deleting it is always safe.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, trusted: vscode.workspace.isTrusted },
  };
  const client = new BylineLanguageClient('byline', 'Byline', serverOptions, clientOptions);
  client.clientOptions.errorHandler = new RestartNotice(client.createDefaultErrorHandler(MAX_RESTARTS));
  return client;
}

/** vscode-languageclient without its semantic tokens feature: Byline's own (marks.ts) is registered before the server starts. */
class BylineLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    if ('registrationType' in feature && feature.registrationType.method === SEMANTIC_TOKENS_METHOD) return;
    super.registerFeature(feature);
  }
}
