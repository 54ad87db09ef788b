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
    'an opened article is a News article whose quotes are semantic tokens, not diagnostics',
    async () => {
      const doc = await open('000');
      await until('the article to be a News article', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc.uri.toString() && d.languageId === 'news'));
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
      assert.ok(legend?.tokenTypes.includes('quote'), JSON.stringify(legend));
      let tokens: vscode.SemanticTokens | undefined;
      for (const deadline = Date.now() + 30_000; Date.now() < deadline && !(tokens?.data.length); ) {
        tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
        if (!tokens?.data.length) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(tokens && tokens.data.length >= 5 * 5, 'at least five tokens');
      assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'Byline' && d.code === 'quote'));
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
