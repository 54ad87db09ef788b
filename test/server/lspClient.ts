import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { repoRoot } from '../helpers/paths';

// A minimal LSP client for testing the built server (dist/server.js) over stdio, the way
// any LSP editor would run it. Waits are on messages with a timeout, never fixed sleeps.

export interface Published {
  uri: string;
  diagnostics: Array<{ range: { start: { line: number; character: number } }; code: string; message: string; severity: number; relatedInformation?: Array<{ location: { uri: string } }> }>;
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  readonly diagnostics = new Map<string, Published['diagnostics']>();
  status: { files: number; conflicts: number; indexing: boolean } | null = null;
  private readonly waiters: Array<() => void> = [];
  settings: Record<string, unknown> = {};
  private readonly initializationOptions: Record<string, unknown>;

  /** Lines the server wrote to stderr. */
  readonly stderr: string[] = [];
  /** Lines of the server's log (window/logMessage: the Output panel in VS Code). */
  readonly log: string[] = [];
  /** Warnings and errors the server showed the user (window/showMessage). */
  readonly shown: string[] = [];
  /** The server process's exit code once it has ended. */
  readonly exited: Promise<number | null>;

  constructor(nodeArgs: string[] = [], initializationOptions: Record<string, unknown> = {}) {
    this.initializationOptions = initializationOptions;
    this.process = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    // A server that ended (the broken-stream tests end it on purpose) closes its stdin: writing then is no test failure.
    this.process.stdin!.on('error', () => undefined);
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
      process.stderr.write(chunk);
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.wake();
    });
    this.connection.onNotification('byline/status', (s) => {
      this.status = s;
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (m: { message: string }) => {
      this.shown.push(m.message);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (m: { message: string }) => {
      this.log.push(m.message);
      this.wake();
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** `capabilities`: what the client announces (by default, configuration and workspace folders). */
  async initialize(folder: string, capabilities: Record<string, unknown> = { workspace: { configuration: true, workspaceFolders: true } }): Promise<void> {
    const uri = `file://${folder}`;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'articles' }],
      capabilities,
      initializationOptions: this.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `condition` holds, re-checking on every message from the server. */
  async until<T>(what: string, condition: () => T | undefined | null | false, timeoutMs = 20000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = condition();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Writes bytes to the server's stdin as they are, bypassing the framing (to break the stream). */
  writeRaw(bytes: string | Buffer): void {
    this.process.stdin!.write(bytes);
  }

  async stop(): Promise<void> {
    try {
      // A server that has ended (the broken-stream tests end it) is sent nothing: writing to its
      // closed stdin fails later, outside the test, as an unhandled rejection.
      if (this.process.exitCode !== null || this.process.signalCode !== null || !this.process.stdin?.writable) return;
      // A server gone deaf (the fault the broken-stream tests look for) never answers: it is killed after a while.
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
