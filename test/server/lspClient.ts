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

  constructor(nodeArgs: string[] = [], initializationOptions: Record<string, unknown> = {}) {
    this.initializationOptions = initializationOptions;
    this.process = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(folder: string): Promise<void> {
    const uri = `file://${folder}`;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'articles' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
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

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
