import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { fixturesDir, repoRoot } from '../helpers/paths';

// The npm package as someone installs it: `npm pack`, then `npm install -g <tarball>` into a
// fresh prefix, offline (the bundles carry every dependency). Its two commands are run as a
// CI job and an editor would run them: `byline analyze` on a folder, and
// `byline-language-server --stdio` driven by a client that announces nothing (like a minimal
// Neovim or Helix set-up).

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The environment without the calling npm's `npm_*` variables (`npm test` sets a prefix, a cache…), as a new user's shell has it. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));

function run(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...cleanEnv, npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test('npm pack gives a package that installs offline into a clean prefix with a working `byline` and `byline-language-server`', async (t) => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-package-'));
  t.after(() => fs.rmSync(temp, { recursive: true, force: true }));
  // The bundles the tests built (npm test builds first); prepack's release build is not run here,
  // so that other tests using dist/ meanwhile are not disturbed.
  const packed = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], repoRoot)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  // One list (package.json `files`) for npm and the .vsix: the bundles, the docs the links lead to, what VS Code reads.
  const shipped = packed[0].files.map((f) => f.path);
  for (const f of ['dist/cli.js', 'dist/server.js', 'dist/worker.js', 'docs/diagnostics.md', 'README.md', 'LICENSE', 'package.json']) assert.ok(shipped.includes(f), f);
  assert.deepEqual(shipped.filter((f) => /^(src|test|out|scripts|node_modules)\/|\.map$/.test(f)), [], 'no sources, tests or source maps');
  // The Marketplace page's screenshots go in the .vsix only (media/screenshots/.npmignore).
  assert.deepEqual(shipped.filter((f) => f.startsWith('media/screenshots/')), []);

  const prefix = path.join(temp, 'prefix');
  // --offline: nothing is fetched; the package has no dependencies to fetch.
  run(npm, ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(temp, packed[0].filename)], temp);
  const bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');

  // The CLI, as a CI job runs it.
  const cli = spawnSync(path.join(bin, 'byline'), ['analyze', path.join(fixturesDir, 'quotes-compared'), '--format', 'sarif'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const sarif = JSON.parse(cli.stdout);
  assert.ok(sarif.runs[0].results.length > 0);
  // The documentation links lead into the installed package.
  const helpUri = new URL(sarif.runs[0].tool.driver.rules[0].helpUri as string);
  assert.ok(fs.existsSync(helpUri.pathname), helpUri.href);
  assert.ok(helpUri.pathname.startsWith(fs.realpathSync(prefix)) || helpUri.pathname.startsWith(prefix), helpUri.href);

  // The language server, over stdio: for a client that announces no capabilities at all, and
  // for one that announces what Neovim 0.10's built-in client does.
  const folder = path.join(temp, 'articles');
  fs.mkdirSync(folder);
  for (const f of fs.readdirSync(path.join(fixturesDir, 'quotes-compared')).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(fixturesDir, 'quotes-compared', f), path.join(folder, f));
  await serve(t, path.join(bin, 'byline-language-server'), folder, {});
  await serve(t, path.join(bin, 'byline-language-server'), folder, NEOVIM);
});

/** What Neovim 0.10's built-in LSP client announces, in the parts the server looks at. */
const NEOVIM = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false }, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
  window: { workDoneProgress: true, showMessage: {} },
  textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, semanticTokens: {}, inlayHint: {}, hover: {} },
};

/**
 * Starts the installed server, initializes it with `capabilities` on `folder`, waits for its
 * scan, opens a.txt and checks its diagnostics and their links, then shuts it down. The client
 * answers the requests a client with those capabilities is sent, as Neovim does (settings it
 * does not have are null).
 */
async function serve(t: { after(fn: () => void): void }, command: string, folder: string, capabilities: Record<string, unknown>): Promise<void> {
  const server = spawn(command, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Map<string, Array<{ code: string; codeDescription?: { href: string } }>>();
  const articles = fs.readdirSync(folder).length;
  let settled!: () => void;
  const scanned = new Promise<void>((resolve) => (settled = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code: string }> }) => published.set(p.uri, p.diagnostics));
  connection.onNotification('byline/status', (s: { indexing: boolean; files: number }) => {
    if (!s.indexing && s.files === articles) settled();
  });
  const uri = pathToFileURL(folder).href;
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('workspace/workspaceFolders', () => [{ uri, name: 'articles' }]);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  t.after(() => {
    connection.dispose();
    server.kill();
  });
  const init = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'articles' }], capabilities });
  assert.equal(init.serverInfo.name, 'Byline');
  await connection.sendNotification('initialized', {});
  const what = JSON.stringify(capabilities).slice(0, 40);
  await Promise.race([scanned, exited.then((code) => assert.fail(`${what}: the server ended (${code}): ${stderr}`)), new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no scan in 30 s: ${stderr}`)), 30_000).unref())]);
  // An editor is shown diagnostics for the files it opens.
  const a = pathToFileURL(path.join(folder, 'a.txt')).href;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'text', version: 1, text: fs.readFileSync(path.join(folder, 'a.txt'), 'utf8') } });
  const deadline = Date.now() + 20_000;
  while (!published.get(a)?.some((d) => d.code === 'quote-speaker-differs') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const differs = published.get(a)?.find((d) => d.code === 'quote-speaker-differs');
  assert.ok(differs, `${what}: ${JSON.stringify([...published.entries()])}`);
  // Its code's link leads to the installed docs/diagnostics.md, at the code's heading.
  const href = new URL(differs.codeDescription!.href);
  const line = Number(/^#L(\d+)$/.exec(href.hash)?.[1]);
  assert.equal(fs.readFileSync(href.pathname, 'utf8').split('\n')[line - 1], '## `quote-speaker-differs`');
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  assert.equal(await exited, 0, stderr);
}
