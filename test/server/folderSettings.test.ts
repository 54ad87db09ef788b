import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

// byline.include/exclude/useGitignore are `resource` settings: in a multi-root workspace each
// folder's own value applies under it. The server asks for them with the folder as scope.

test('each workspace folder is read with its own byline.exclude, added to the defaults', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-folders-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const article = '"We will rebuild," the mayor, Ann Lee, said on Monday.\n';
  for (const name of ['one', 'two']) {
    for (const f of ['a.txt', 'drafts/b.txt', 'README.txt']) {
      fs.mkdirSync(path.dirname(path.join(root, name, f)), { recursive: true });
      fs.writeFileSync(path.join(root, name, f), article);
    }
  }
  const client = new LspClient();
  t.after(() => client.stop().catch(() => undefined));
  const folderOne = pathToFileURL(path.join(root, 'one')).href;
  const folderTwo = pathToFileURL(path.join(root, 'two')).href;
  const asked: string[] = [];
  // Folder one leaves its drafts out; folder two, and the window, keep them.
  client.connection.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string }> }) =>
    p.items.map((item) => {
      asked.push(item.scopeUri ?? '(window)');
      return item.scopeUri === folderOne ? { exclude: ['**/drafts/**'] } : {};
    }),
  );
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderOne,
    workspaceFolders: [
      { uri: folderOne, name: 'one' },
      { uri: folderTwo, name: 'two' },
    ],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  await client.connection.sendNotification('initialized', {});
  // one/a.txt, two/a.txt and two/drafts/b.txt: not one/drafts (4 files if the folder's value were
  // not asked for), and no README in either (5 or 6 if byline.exclude dropped the defaults).
  await client.until('the scan', () => client.status && !client.status.indexing && client.status.files === 3);
  assert.ok(asked.includes(folderOne) && asked.includes(folderTwo), asked.join(', '));
});
