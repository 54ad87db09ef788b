import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { codeServerEnv, ensureE2eEnv, run, type E2eEnv } from './setup';

// Reusable steps for end-to-end tests in a real VS Code: code-server serves the workbench,
// Playwright drives Debian's Chromium, and the test reads off the page what a reader would see.
// Every wait ends on something on screen (or a process state) and fails after a timeout with a
// message saying what it was waiting for; nothing sleeps for a fixed time.

const DEFAULT_TIMEOUT = 20_000;

// ---- packaging and installing ------------------------------------------------------------------

/**
 * Packages `extensionDir` with @vscode/vsce into `outDir` and returns the .vsix path.
 * `vsceArgs` are passed on, e.g. `--no-dependencies` for a bundled extension.
 */
export async function packageExtension(extensionDir: string, outDir: string, vsceArgs: string[] = []): Promise<string> {
  // vsce 3 refuses to run on Node < 20; it runs on the project's own Node, not code-server's.
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new Error(`@vscode/vsce needs Node 20 or later to package ${extensionDir}; this is Node ${process.versions.node}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  fs.mkdirSync(outDir, { recursive: true });
  const vsce = require.resolve('@vscode/vsce/vsce');
  // A throwaway or unpublished extension has no repository URL; vsce would otherwise stop to ask,
  // or refuse a README's relative links (Byline's screenshots ship in the .vsix and are kept relative).
  const r = await run(process.execPath, [vsce, 'package', '--out', vsix, '--allow-missing-repository', '--no-rewrite-relative-links', ...vsceArgs], { cwd: extensionDir });
  if (r.code !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce package failed in ${extensionDir}:\n${r.output}`);
  return vsix;
}

export interface ServerDirs {
  /** A throwaway folder that holds only the extensions a test installs. */
  extensionsDir: string;
  /** code-server's user data: settings in User/settings.json, logs in logs/. */
  userDataDir: string;
}

/** Installs a .vsix into the throwaway extensions folder (a folder or symlink alone is not picked up). */
export async function installExtension(env: E2eEnv, vsix: string, dirs: ServerDirs): Promise<void> {
  const r = await run(
    env.node,
    [env.codeServer, '--extensions-dir', dirs.extensionsDir, '--user-data-dir', dirs.userDataDir, '--install-extension', vsix],
    { env: codeServerEnv(env) },
  );
  if (r.code !== 0 || !/was successfully installed/.test(r.output)) {
    throw new Error(`code-server could not install ${vsix}:\n${r.output}`);
  }
}

/** Settings that keep the workbench quiet and predictable; `extra` is merged over them. */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const settings = {
    // An untrusted workspace would disable extensions that do not declare support for it;
    // tests of that case turn trust back on through `extra`.
    'security.workspace.trust.enabled': false,
    // No welcome page or chat panel covering the editor, and nothing that reaches for the network.
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    ...extra,
  };
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

// ---- code-server ---------------------------------------------------------------------------------

export interface CodeServer {
  url: string;
  pid: number;
  dirs: ServerDirs;
  /** What the server printed so far (it names extensions that failed to activate). */
  output(): string;
  stop(): Promise<void>;
}

/** Servers still running, by PID, and temp folders still in use: cleared when the process ends. */
const running = new Set<number>();
const tempDirs = new Set<string>();
let exitHooked = false;

/** Kills every server still running and removes its temp folders when the test process ends, however it ends. */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  // Only synchronous work is possible in an 'exit' handler; a signal is turned into an exit.
  process.on('exit', () => {
    for (const pid of running) killGroup(pid, 'SIGKILL');
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
}

/** Signals the server and the processes it started (extension host, file watcher) by its own PID. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts code-server on a free loopback port and resolves once it answers HTTP. */
export async function startCodeServer(env: E2eEnv, dirs: ServerDirs, workspace: string, timeoutMs = 60_000): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    env.codeServer,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', dirs.extensionsDir,
    '--user-data-dir', dirs.userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--ignore-last-opened',
    workspace,
  ];
  // Its own process group, so that stopping it also stops the extension host it forks.
  const child = spawn(env.node, args, { env: codeServerEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      if (child.pid !== undefined) running.delete(child.pid);
      resolve();
    });
    child.on('error', (e) => {
      exited = `could not start: ${e.message}`;
      resolve();
    });
  });
  const pid = child.pid ?? -1;
  if (pid > 0) running.add(pid);
  hookExit();

  const server: CodeServer = {
    url: `http://127.0.0.1:${port}`,
    pid,
    dirs,
    output: () => out,
    async stop() {
      if (exited !== undefined) return;
      killGroup(pid, 'SIGTERM');
      // It normally exits at once; one that hangs on shutdown is killed outright.
      const hard = setTimeout(() => killGroup(pid, 'SIGKILL'), 10_000);
      await exit;
      clearTimeout(hard);
    },
  };
  try {
    await waitUntil(`code-server on port ${port} to answer HTTP`, timeoutMs, async () => {
      if (exited !== undefined) throw new Error(`code-server ${exited}:\n${out}`);
      try {
        return (await fetch(`${server.url}/healthz`)).ok;
      } catch {
        return false;
      }
    });
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

// ---- the browser and the workbench ---------------------------------------------------------------

export async function launchBrowser(env: E2eEnv): Promise<Browser> {
  return chromium.launch({
    executablePath: env.chromium,
    // As root Chromium needs --no-sandbox; the rest stop it reaching for a network it cannot have,
    // which otherwise floods the closed network with refused connections.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the workbench on `folder` and waits until its Explorer lists the folder. */
export async function openWorkbench(browser: Browser, server: CodeServer, folder: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await expectVisible(page.locator('.monaco-workbench'), 'the workbench to load', 60_000);
  await expectVisible(page.getByRole('tree', { name: /Files Explorer/ }), 'the Explorer to list the workspace', 30_000);
  return page;
}

/** Opens a file by clicking its Explorer rows (folders first); `relPath` uses '/'. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const explorer = page.getByRole('tree', { name: /Files Explorer/ });
  const parts = relPath.split('/');
  for (const [i, name] of parts.entries()) {
    const row = explorer.getByRole('treeitem', { name, exact: true });
    await expectVisible(row, `the Explorer row "${name}" of ${relPath}`);
    const isFile = i === parts.length - 1;
    if (isFile || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  // The tab shows the name in two parts (name, suffix); its data-resource-name holds it whole.
  const tab = page.locator(`.tabs-container .tab.active[data-resource-name=${JSON.stringify(parts[parts.length - 1])}]`);
  await expectVisible(tab, `the editor tab of ${relPath}`);
  await expectVisible(activeEditor(page), `the editor of ${relPath}`);
}

/** The text editor that has the focus or was last focused. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** Puts the cursor at 1-based `line`:`col` with Go to Line and waits for the status bar to agree. */
export async function goTo(page: Page, line: number, col: number): Promise<void> {
  await activeEditor(page).locator('textarea').focus();
  await page.keyboard.press('Control+G');
  const input = await quickInput(page, 'Go to Line');
  await input.fill(`:${line}:${col}`);
  await input.press('Enter');
  await expectHidden(page.locator('.quick-input-widget'), 'Go to Line to close');
  await expectVisible(
    // "Ln 2, Col 1" must not be taken for "Ln 2, Col 12"; a selection adds " (n selected)".
    page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`^Ln ${line}, Col ${col}(?!\\d)`) }),
    `the status bar to show Ln ${line}, Col ${col}`,
  );
}

/**
 * Shows the hover at the cursor and returns its text: diagnostics' messages and every hover
 * provider's contents. With `expected`, waits until the hover contains it (providers answer
 * one by one); without, until it no longer says it is loading.
 */
export async function showHover(page: Page, expected?: string | RegExp): Promise<string> {
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover').filter({ visible: true }).first();
  await expectVisible(hover, 'the hover to appear');
  let text = '';
  await waitUntil(`the hover to show ${expected ?? 'its contents'}`, DEFAULT_TIMEOUT, async () => {
    text = (await hover.innerText()).trim();
    if (expected === undefined) return text !== '' && !/Loading\.\.\./.test(text);
    return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
  }, () => `the hover says: ${JSON.stringify(text)}`);
  return text;
}

/** Hides the hover, or anything else Escape closes, and waits until no hover is visible. */
export async function dismissHover(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expectHidden(page.locator('.monaco-hover').filter({ visible: true }), 'the hover to close');
}

/**
 * Runs a command from the command palette by its exact title, e.g. "View: Toggle Word Wrap".
 * `opensPicker`: the command shows a quick pick of its own, so the quick input stays open.
 */
export async function runCommand(page: Page, title: string, opensPicker = false): Promise<void> {
  // F1 rather than Ctrl+Shift+P: no browser shortcut can take it.
  await page.keyboard.press('F1');
  const input = await quickInput(page, 'the command palette');
  await input.fill(`>${title}`);
  // Enter pressed before the list is filtered runs nothing or the wrong command: pick the row
  // whose label is exactly the title.
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
  await expectVisible(row, `the command "${title}" in the command palette`);
  await row.click();
  if (opensPicker) await expectHidden(row, `the command palette to give way to the picker of "${title}"`);
  else await expectHidden(page.locator('.quick-input-widget'), `the command palette to close after "${title}"`);
}

export interface Problem {
  severity: 'error' | 'warning' | 'info' | 'hint' | 'unknown';
  message: string;
  source: string;
  /** The diagnostic's code, '' if it has none. */
  code: string;
  /** "[Ln 3, Col 5]" as shown. */
  position: string;
  /** The file the row is listed under. */
  file: string;
}

/**
 * Opens the Problems panel and returns its marker rows, once there are at least `atLeast`
 * (diagnostics arrive asynchronously after a file opens).
 */
export async function readProblems(page: Page, atLeast = 1): Promise<Problem[]> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const rows = page.locator('.markers-panel .monaco-list-row');
  let problems: Problem[] = [];
  await waitUntil(`${atLeast} row(s) in the Problems panel`, DEFAULT_TIMEOUT, async () => {
    problems = await problemRows(rows);
    return problems.length >= atLeast;
  }, () => `the panel has ${JSON.stringify(problems)}`);
  return problems;
}

async function problemRows(rows: Locator): Promise<Problem[]> {
  // The callback runs in the page; the repo compiles without the DOM library, so the elements it
  // is given are untyped there. One snapshot of the list, taken in the page: the list re-renders while diagnostics arrive,
  // so rows read one call at a time could mix two renderings. The tree lists a file row, then
  // that file's marker rows.
  return rows.evaluateAll((els) => {
    const problems: Problem[] = [];
    let file = '';
    for (const row of els) {
      const text = (selector: string): string => row.querySelector(selector)?.textContent?.trim() ?? '';
      const icon = row.querySelector('.marker-icon');
      if (!icon) {
        file = text('.resource-label-container .label-name');
        continue;
      }
      problems.push({
        severity: (['error', 'warning', 'info', 'hint'] as const).find((s) => icon.classList.contains(s)) ?? 'unknown',
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        position: text('.marker-line'),
        file,
      });
    }
    return problems;
  });
}

export interface StatusItem {
  /** The element id, `<publisher>.<extension name>.<item id>` for an extension's item. */
  id: string;
  text: string;
}

/** The status bar's visible items, left to right, read in one snapshot. */
export async function readStatusBar(page: Page): Promise<StatusItem[]> {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((els) =>
    els
      .filter((el) => el.checkVisibility())
      .map((el) => ({ id: el.id, text: el.innerText.trim() })),
  );
}

/** Waits for a status bar item whose text contains `text` and returns it. */
export async function waitForStatusItem(page: Page, text: string | RegExp): Promise<StatusItem> {
  let items: StatusItem[] = [];
  let found: StatusItem | undefined;
  await waitUntil(`a status bar item showing ${text}`, DEFAULT_TIMEOUT, async () => {
    items = await readStatusBar(page);
    found = items.find((i) => (typeof text === 'string' ? i.text.includes(text) : text.test(i.text)));
    return found !== undefined;
  }, () => `the status bar shows ${JSON.stringify(items.map((i) => i.text))}`);
  return found!;
}

export interface Squiggle {
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** The 1-based line it is drawn on. */
  line: number;
}

/**
 * The squiggles drawn in the active editor's visible lines. Monaco draws them in the
 * view-overlays layer; the line is found by matching each one's height on screen with the
 * gutter's line numbers, as a reader would. Read in one snapshot, as the editor re-renders.
 */
export async function readSquiggles(page: Page): Promise<Squiggle[]> {
  return activeEditor(page).evaluate((editor) => {
    const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((n) => {
      const box = n.getBoundingClientRect();
      return { line: Number(n.textContent), top: box.top, bottom: box.bottom };
    });
    const squiggles: Squiggle[] = [];
    for (const severity of ['error', 'warning', 'info', 'hint'] as const) {
      for (const sq of editor.querySelectorAll(`.view-overlays .squiggly-${severity}`)) {
        const box = sq.getBoundingClientRect();
        const mid = (box.top + box.bottom) / 2;
        squiggles.push({ severity, line: gutter.find((g) => mid >= g.top && mid <= g.bottom)?.line ?? 0 });
      }
    }
    return squiggles.sort((a, b) => a.line - b.line);
  });
}

/** Waits until at least `atLeast` squiggles are drawn and returns them. */
export async function waitForSquiggles(page: Page, atLeast = 1): Promise<Squiggle[]> {
  let squiggles: Squiggle[] = [];
  await waitUntil(`${atLeast} squiggle(s) in the editor`, DEFAULT_TIMEOUT, async () => {
    squiggles = await readSquiggles(page);
    return squiggles.length >= atLeast;
  }, () => `the editor shows ${JSON.stringify(squiggles)}`);
  return squiggles;
}

export interface Underline {
  /** The underlined text, as drawn. */
  text: string;
  /** The 1-based line it is drawn on (0 on a wrapped line's continuation). */
  line: number;
}

/**
 * The text the active editor draws underlined by its tokens (semantic tokens whose style says
 * `underline`; Monaco gives such spans the class `mtku`), in one snapshot. Squiggles are not
 * tokens and are not among them.
 */
export async function readUnderlines(page: Page): Promise<Underline[]> {
  return activeEditor(page).evaluate((editor) => {
    const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((n) => {
      const box = n.getBoundingClientRect();
      return { line: Number(n.textContent) || 0, top: box.top, bottom: box.bottom };
    });
    return [...editor.querySelectorAll('.view-lines .mtku')].map((el) => {
      const box = el.getBoundingClientRect();
      const mid = (box.top + box.bottom) / 2;
      // Monaco draws spaces as no-break spaces.
      return { text: (el.textContent ?? '').replace(/\u00a0/g, ' '), line: gutter.find((g) => mid >= g.top && mid <= g.bottom)?.line ?? 0 };
    });
  });
}

/** Waits until at least `atLeast` underlined spans are drawn in the active editor and returns them. */
export async function waitForUnderlines(page: Page, atLeast = 1, timeoutMs = DEFAULT_TIMEOUT): Promise<Underline[]> {
  let underlines: Underline[] = [];
  await waitUntil(`${atLeast} underlined span(s) in the editor`, timeoutMs, async () => {
    underlines = await readUnderlines(page);
    return underlines.length >= atLeast;
  }, () => `the editor underlines ${JSON.stringify(underlines.slice(0, 8))}`);
  return underlines;
}

/** The visible lines of the active editor as drawn, inlay hints included, top to bottom. */
export async function readEditorText(page: Page): Promise<string> {
  return activeEditor(page).evaluate((editor) =>
    [...editor.querySelectorAll('.view-lines .view-line')]
      .map((l) => ({ top: l.getBoundingClientRect().top, text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n'),
  );
}

/** How many of the active editor's visible rows continue a wrapped line: rows drawn beyond the numbered lines. */
export async function wrappedRows(page: Page): Promise<number> {
  return activeEditor(page).evaluate((editor) => {
    const rows = editor.querySelectorAll('.view-lines .view-line').length;
    const numbered = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].filter((n) => (n.textContent ?? '').trim() !== '').length;
    return rows - numbered;
  });
}

/**
 * When the extension host started and when it activated `extensionId`, read from the
 * extension host's log (Date.now() values; null when the log does not say).
 */
export function extensionHostTimes(server: CodeServer, extensionId: string): { hostStarted: number | null; activated: number | null } {
  const logs = path.join(server.dirs.userDataDir, 'logs');
  const files = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('remoteexthost.log')) : [];
  const text = files.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('\n');
  // Lines start with a local time: "2026-12-03 14:10:35.152 [info] …".
  const at = (pattern: RegExp) => {
    const line = text.split('\n').find((l) => pattern.test(l));
    const stamp = line && /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+)/.exec(line);
    return stamp ? new Date(`${stamp[1]}T${stamp[2]}`).getTime() : null;
  };
  return { hostStarted: at(/Extension host with pid \d+ started/), activated: at(new RegExp(`_doActivateExtension ${extensionId.replace('.', '\\.')}\\b`)) };
}

// ---- failures --------------------------------------------------------------------------------------

/**
 * Saves a screenshot, the server's logs (extension host included) and its console output into
 * `dir`, and returns `dir`. Each part is saved even if another fails.
 */
export async function saveFailureArtifacts(dir: string, page: Page | undefined, server: CodeServer | undefined): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  if (page) {
    try {
      await page.screenshot({ path: path.join(dir, 'screenshot.png'), timeout: 10_000 });
    } catch (e) {
      problems.push(`screenshot: ${(e as Error).message}`);
    }
  }
  if (server) {
    fs.writeFileSync(path.join(dir, 'code-server.log'), server.output());
    const logs = path.join(server.dirs.userDataDir, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dir, 'logs'), { recursive: true });
  }
  if (problems.length) fs.writeFileSync(path.join(dir, 'not-saved.txt'), problems.join('\n') + '\n');
  return dir;
}

// ---- waiting -------------------------------------------------------------------------------------

async function expectVisible(locator: Locator, what: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
  }
}

async function expectHidden(locator: Locator, what: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
  }
}

/** Waits for the quick input box (Go to Line, command palette) to take the keyboard. */
async function quickInput(page: Page, what: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await expectVisible(input, `${what} to open`);
  return input;
}

/**
 * Re-checks `condition` until it holds, for things no single selector expresses (text that
 * arrives piece by piece, counts). `detail` adds what was last seen to the timeout message.
 */
export async function waitUntil(
  what: string,
  timeoutMs: number,
  condition: () => Promise<boolean>,
  detail?: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail ? `; ${detail()}` : ''}`);
    }
    await delay(100);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- a whole session -----------------------------------------------------------------------------

export interface Session {
  env: E2eEnv;
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** The workspace folder the workbench has open (a temporary copy, safe to edit). */
  workspace: string;
  /** When the window was ready: the workbench loaded and its Explorer listing the folder (Date.now()). */
  readyAt: number;
  /**
   * Runs `step`; if it throws, saves a screenshot and the server's logs into a temp folder,
   * prints that folder's path, and throws again.
   */
  guard<T>(label: string, step: () => Promise<T>): Promise<T>;
  /**
   * With BYLINE_E2E_SHOTS=<folder>, saves what the screen shows now as <folder>/<name>.png, so
   * a person can look at what the tests checked; without it, does nothing.
   */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** The extension's folder (with package.json), packaged to a .vsix and installed. */
  extensionDir: string;
  /** A folder copied to a temporary workspace, or a function that fills an empty one. */
  workspace: string | ((dir: string) => void);
  vsceArgs?: string[];
  settings?: Record<string, unknown>;
}

/**
 * Set-up (cached), package, install, settings, start code-server, launch Chromium and open the
 * workbench on a temporary workspace. Everything lives under one temp folder removed by close().
 */
export async function startSession(opts: SessionOptions): Promise<Session> {
  const env = await ensureE2eEnv();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-run-'));
  tempDirs.add(runDir);
  hookExit();
  const dirs: ServerDirs = { extensionsDir: path.join(runDir, 'extensions'), userDataDir: path.join(runDir, 'user-data') };
  const workspace = path.join(runDir, 'workspace');
  if (typeof opts.workspace === 'string') fs.cpSync(opts.workspace, workspace, { recursive: true });
  else {
    fs.mkdirSync(workspace);
    opts.workspace(workspace);
  }
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let failureRoot: string | undefined;
  const session: Session = {
    env,
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    get page() {
      return page!;
    },
    workspace,
    readyAt: 0,
    async guard<T>(label: string, step: () => Promise<T>): Promise<T> {
      try {
        return await step();
      } catch (e) {
        failureRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-failure-'));
        const dir = await saveFailureArtifacts(path.join(failureRoot, label.replace(/[^\w.-]+/g, '-')), page, server);
        console.error(`[byline-e2e] "${label}" failed; screenshot and logs in ${dir}`);
        throw e;
      }
    },
    async shot(name: string) {
      const dir = process.env.BYLINE_E2E_SHOTS;
      if (!dir || !page) return;
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${name}.png`), timeout: 10_000 });
      console.log(`[byline-e2e] screenshot ${path.join(dir, `${name}.png`)}`);
    },
    async close() {
      await browser?.close();
      await server?.stop();
      fs.rmSync(runDir, { recursive: true, force: true });
      tempDirs.delete(runDir);
    },
  };
  try {
    const started = Date.now();
    await session.guard('start', async () => {
      const vsix = await packageExtension(opts.extensionDir, runDir, opts.vsceArgs);
      await installExtension(env, vsix, dirs);
      writeUserSettings(dirs.userDataDir, opts.settings);
      server = await startCodeServer(env, dirs, workspace);
      browser = await launchBrowser(env);
      page = await openWorkbench(browser, server, workspace);
      session.readyAt = Date.now();
    });
    console.log(`[byline-e2e] workbench ready in ${((Date.now() - started) / 1000).toFixed(1)} s (package, install, start, open)`);
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}
