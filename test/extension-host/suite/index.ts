import assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Runs inside VS Code's extension host (see ../run.ts), against a copy of the sample workspace.

type Check = [string, () => Promise<void>];

async function until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(prefix: string): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(`${prefix}*.txt`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

const checks: Check[] = [
  [
    'an opened article gets its quotes underlined by Byline',
    async () => {
      const doc = await open('000');
      const diags = await until('Byline diagnostics', () => {
        const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Byline');
        return d.length > 0 && d;
      });
      assert.ok(diags.some((d) => d.code === 'quote' && d.message.includes('Mark Milley') && d.severity === vscode.DiagnosticSeverity.Information));
    },
  ],
  [
    'hovering a quote shows the speaker card',
    async () => {
      const doc = await open('004');
      const offset = doc.getText().indexOf('I believe they are doing') + 5;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /Mark Milley/);
      assert.match(text, /quotes\*\* in 5 files/);
    },
  ],
  [
    'the commands are registered',
    async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const c of ['byline.nextConflict', 'byline.previousConflict', 'byline.showSpeakerQuotes', 'byline.reindex']) assert.ok(commands.includes(c), c);
    },
  ],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, check] of checks) {
    try {
      await check();
      console.log(`ok - ${name}`);
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      console.log(`not ok - ${name}`);
    }
  }
  if (failures.length > 0) throw new Error(`${failures.length} extension-host checks failed:\n${failures.join('\n')}`);
}
