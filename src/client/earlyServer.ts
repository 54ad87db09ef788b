import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

// The language server's process is started as soon as VS Code loads the extension's code,
// before `activate()` runs: between the two, VS Code prepares the extension's context (storage,
// secrets, its state), 0.5–1.1 s on the e2e suite's machine, and the server loads its code and
// its engine meanwhile (`--warm`) instead of after. This module is the extension's first
// import, so that the fork happens before vscode-languageclient's code is even evaluated.
// The client is handed this process on its first start (over Node's IPC channel, as
// vscode-languageclient itself would start it); restarts start a new one. See
// docs/first-underline.md.

/** The server beside this bundle (dist/server.js), as the client's other starts use it. */
const SERVER_MODULE = path.join(__dirname, 'server.js');

let early: ChildProcess | null = startServer(['--warm']);

/**
 * Starts the server, talking over Node's IPC channel. `--warm`: it loads its engine at once,
 * before the editor's first message, which the first article's analysis would otherwise wait for.
 */
export function startServer(extraArgs: readonly string[] = [], execArgv: readonly string[] = []): ChildProcess {
  return fork(SERVER_MODULE, ['--node-ipc', ...extraArgs, `--clientProcessId=${process.pid}`], {
    // Inside Electron (desktop VS Code) the same binary runs the server as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    execArgv: [...execArgv],
    silent: true,
  });
}

/** The process started early, once, if it is still running; null after that. */
export function takeEarlyServer(): ChildProcess | null {
  const taken = early;
  early = null;
  return taken && taken.exitCode === null && taken.signalCode === null ? taken : null;
}
