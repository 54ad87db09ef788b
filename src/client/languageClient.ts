import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { RestartNotice } from './restart';

// Starts the Byline language server in its own Node process (IPC), for news and plain-text
// files; the server decides from the byline.include/exclude settings which files it reads.
// Its log goes to the Byline output channel, at the levels the user picks there ("Set Log
// Level…"); `byline.trace.server` adds the messages between editor and server.

/** Restarts vscode-languageclient allows within three minutes before it gives up. */
const MAX_RESTARTS = 4;

/** `published`: called whenever the server publishes a file's diagnostics, after VS Code has them. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, published: () => void): LanguageClient {
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
    middleware: {
      provideDocumentSemanticTokens: firstMarksLogged(output),
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
  const client = new LanguageClient('byline', 'Byline', serverOptions, clientOptions);
  client.clientOptions.errorHandler = new RestartNotice(client.createDefaultErrorHandler(MAX_RESTARTS));
  return client;
}

/**
 * Logs when VS Code first asks for a document's marks and when the first non-empty answer
 * comes back, in ms of the extension host's process: with the server's own steps, the
 * first-open timing (docs/first-underline.md) tells the editor's waits from the server's.
 */
function firstMarksLogged(output: vscode.LogOutputChannel): NonNullable<Middleware['provideDocumentSemanticTokens']> {
  let asked = false;
  let answered = false;
  const now = () => Math.round(process.uptime() * 1000);
  return async (document, token, next) => {
    if (!asked) output.info(`VS Code first asked for marks ${now()} ms after the extension host's process started`);
    asked = true;
    const result = await next(document, token);
    if (!answered && result && result.data.length > 0) {
      answered = true;
      output.info(`First marks received ${now()} ms after the extension host's process started`);
    }
    return result;
  };
}
