import * as vscode from 'vscode';
import { SemanticTokensRefreshRequest, SemanticTokensRequest, type FeatureState, type LanguageClient, type StaticFeature } from 'vscode-languageclient/node';
import { LEGEND } from '../shared/tokenLegend';
import { startupTime } from './startupTime';

// The quote and figure marks (LSP semantic tokens) go through Byline's own provider, registered
// as the extension activates, before the language server is started. VS Code asks a provider
// for an open document's tokens as soon as it is registered; vscode-languageclient registers
// its own only once the server has answered `initialize`, and VS Code then asked 0.1–1.2 s
// after the server had analysed the first article (docs/first-underline.md). Asked early, the
// request waits here for the client, reaches the server right behind the document, and is
// answered the moment the document is analysed.
//
// The server asks for a refresh whenever its index changes (a status), which is most often
// not a change of an open article's marks: VS Code, told of a change, drops the answer it is
// waiting for and asks again after a pause of its own, and the first underline came 0.3–1.0 s
// after the marks had reached the extension. So a refresh is checked here first: the marks of
// each article VS Code was given are asked for again, and VS Code is told only if they differ.

/** The method of vscode-languageclient's own semantic tokens feature, which this one replaces. */
export const SEMANTIC_TOKENS_METHOD = 'textDocument/semanticTokens';

export class MarksFeature implements StaticFeature {
  private readonly changed = new vscode.EventEmitter<void>();
  private registration: vscode.Disposable | undefined;
  /** The first request and the first marks are logged, for the first-open timing. */
  private asked = false;
  private answered = false;
  /** The marks VS Code was last given for each document, to tell a refresh that changes them from one that does not. */
  private readonly given = new Map<string, string>();

  /** `started`: settles when the client has started (the document is synced before any request). */
  constructor(
    private readonly client: LanguageClient,
    private readonly started: Promise<void>,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Registers the provider for News articles; call before the client starts. */
  register(): vscode.Disposable {
    this.registration = vscode.languages.registerDocumentSemanticTokensProvider(
      { scheme: 'file', language: 'news' },
      { onDidChangeSemanticTokens: this.changed.event, provideDocumentSemanticTokens: (document, token) => this.provide(document, token) },
      new vscode.SemanticTokensLegend(LEGEND.tokenTypes, LEGEND.tokenModifiers),
    );
    return this;
  }

  private async provide(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | null> {
    if (!this.asked) this.output.info(`VS Code first asked for marks ${startupTime()}`);
    this.asked = true;
    try {
      await this.started;
      const result = await this.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: document.uri.toString() } }, token);
      if (!result || token.isCancellationRequested) return null;
      if (!this.answered && result.data.length > 0) this.output.info(`First marks received ${startupTime()}`);
      this.answered ||= result.data.length > 0;
      this.given.set(document.uri.toString(), result.data.join(','));
      return new vscode.SemanticTokens(new Uint32Array(result.data), result.resultId);
    } catch {
      // The server stopped or is restarting: it sends a refresh once it has read the workspace again.
      return null;
    }
  }

  // ── StaticFeature: what the client says it supports, and the server's refresh requests ──

  fillClientCapabilities(capabilities: Parameters<StaticFeature['fillClientCapabilities']>[0]): void {
    capabilities.workspace = { ...capabilities.workspace, semanticTokens: { refreshSupport: true } };
  }

  initialize(): void {
    this.client.onRequest(SemanticTokensRefreshRequest.type, () => void this.refreshIfChanged());
  }

  /** Tells VS Code the marks changed if those of a document it was given are no longer the server's. */
  private async refreshIfChanged(): Promise<void> {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const [uri, given] of this.given) {
      if (!open.has(uri)) {
        this.given.delete(uri);
        continue;
      }
      try {
        const now = await this.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        if ((now?.data ?? []).join(',') === given) continue;
      } catch {
        // No answer: let VS Code ask again.
      }
      this.changed.fire();
      return;
    }
  }

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {
    // Nothing to clear between two runs of the server: the provider stays registered.
  }

  dispose(): void {
    this.registration?.dispose();
    this.changed.dispose();
  }
}
