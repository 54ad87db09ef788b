import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

// When the language server stops unexpectedly, it is started again and the reader is told
// once, not at every restart. A server that keeps dying is left stopped, with a message
// that says where to look.

/** Restarts allowed within RESTART_WINDOW_MS before Byline gives up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export class RestartingErrorHandler implements ErrorHandler {
  private readonly stops: number[] = [];
  private told = false;

  error(): ErrorHandlerResult {
    // A broken message is not a reason to stop: the connection may still be good.
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.stops.length > 0 && now - this.stops[0] > RESTART_WINDOW_MS) this.stops.shift();
    this.stops.push(now);
    if (this.stops.length > MAX_RESTARTS) {
      void vscode.window.showErrorMessage(
        `Byline's language server stopped ${this.stops.length} times in three minutes and will not be restarted. The Byline output channel has its log; "Developer: Reload Window" starts it again.`,
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage("Byline's language server stopped unexpectedly and was restarted; it is indexing the workspace again.");
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
