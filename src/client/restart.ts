import * as vscode from 'vscode';
import { CloseAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

// When the language server stops unexpectedly, vscode-languageclient's own error handler
// decides (it restarts the server up to four times in three minutes, then gives up with a
// message that points at the output channel). Byline adds only one thing: the first restart
// is told to the reader, once, since the workspace is indexed again meanwhile.

export class RestartNotice implements ErrorHandler {
  private told = false;

  constructor(private readonly inner: ErrorHandler) {}

  error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult | Promise<ErrorHandlerResult> {
    return this.inner.error(error, message, count);
  }

  async closed(): Promise<CloseHandlerResult> {
    const result = await this.inner.closed();
    if (result.action === CloseAction.Restart && !this.told) {
      this.told = true;
      void vscode.window.showWarningMessage("Byline's language server stopped unexpectedly and was restarted; it is indexing the workspace again.");
    }
    return result;
  }
}
