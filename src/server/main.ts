import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  StreamMessageReader,
  StreamMessageWriter,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CLAIM_GROUPS_REQUEST,
  CONFLICTS_REQUEST,
  RESCAN_REQUEST,
  SPEAKER_AT_REQUEST,
  SPEAKER_QUOTES_REQUEST,
  SPEAKERS_REQUEST,
  STATUS_NOTIFICATION,
  UTTERANCES_REQUEST,
  type SpeakerAtParams,
  type SpeakersParams,
  type UtterancesParams,
} from '../shared/protocol';
import { DECISION_EDIT_REQUEST, TRUSTED_NOTIFICATION, type DecisionEditResult } from '../shared/decisions';
import { parseDecisions } from '../workspace/decisions';
import { codeActions, decisionEdit } from './codeActions';
import { hoverMarkdown } from './hover';
import { quoteHints } from './inlayHints';
import { findAt } from './lookup';
import { claimGroups, claimReferences, conflictLocations, quoteReferences, speakerQuotes, speakerSummaries, speakerSymbols, utterances } from './navigation';
import { AnalysisPool } from './pool';
import { Session, WARM_UP_TEXT, type Progress } from './session';
import { analyzeDocument } from '../core/analyze';
import { StreamGuard } from './streamGuard';
import { encodeTokens, LEGEND, tokenSpans } from './semanticTokens';
import { DEFAULT_SETTINGS, parseSettings, withFolderSettings } from './settings';
import { codeLinks, shippedDocs } from '../node/docs';

// The Byline language server: the engine in its own process, so that indexing a large
// folder never slows typing. Any LSP client can start it (`node dist/server.js --stdio`);
// the VS Code extension starts it over IPC.

/** The editor asked the server to shut down (so the end of its stream is no failure). */
let shutDown = false;
/** Quote marks and hints are asked for again this long after the index last changed. */
const MARKS_REFRESH_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let canConfigure = false;
  let canShowProgress = false;
  /** Clients that do not announce workspace folders (`capabilities: {}`) get no folder requests. */
  let hasFolders = false;
  let lastSettingsProblems = '';
  let canRefreshTokens = false;
  let canRefreshHints = false;
  /** The workspace folders (file: URIs and names), whose own settings are asked for. */
  let folders: Array<{ uri: string; name: string }> = [];
  const useFolders = (list: ReadonlyArray<{ uri: string; name: string }>) => {
    folders = list.filter((f) => f.uri.startsWith('file:'));
    session.setFolders(folders.map((f) => fileURLToPath(f.uri)));
  };
  let reportedSpeech = DEFAULT_SETTINGS.reportedSpeech;
  let refreshTimer: NodeJS.Timeout | undefined;
  // The first open's steps, in ms since the server's process started (performance.now()), are
  // logged with the first marks sent, for the first-open timing (docs/first-underline.md).
  const firstOpen: Array<[string, number]> = [['server loaded', performance.now()]];
  const mark = (step: string) => firstOpen.some(([s]) => s === step) || firstOpen.push([step, performance.now()]);
  let marksSent = false;
  // The index changed (the session says so with a status): quote marks and speakers' names in
  // open editors are asked for again, once for a burst of changes.
  const refreshMarks = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
      if (canRefreshHints) void connection.languages.inlayHint.refresh();
    }, MARKS_REFRESH_MS);
  };

  const session = new Session(
    {
      publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
      status: (params) => {
        void connection.sendNotification(STATUS_NOTIFICATION, params);
        refreshMarks();
      },
      progress: async (title) => (canShowProgress ? startProgress(connection, title) : null),
      log: (message) => connection.console.info(message),
    },
    new AnalysisPool(),
    // Large open documents: one worker of their own, so an edit never waits behind a scan.
    new AnalysisPool(1),
  );
  const rangeOf = (uri: string, start: number, end: number) => session.rangeOf(uri, start, end);
  const lineOf = (uri: string, offset: number) => session.rangeOf(uri, offset, offset)?.start.line ?? null;

  connection.onInitialize((params): InitializeResult => {
    mark('initialize');
    canConfigure = params.capabilities.workspace?.configuration === true;
    canShowProgress = params.capabilities.window?.workDoneProgress === true;
    hasFolders = params.capabilities.workspace?.workspaceFolders === true;
    canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    useFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(fileURLToPath(params.rootUri)) }] : []));
    // An editor that has settings to give starts from an editor's defaults, quotes left to the
    // marks: a document opened before they are read must not flash a squiggle under every quote.
    if (canConfigure) session.configure(parseSettings({}).settings);
    session.useStorage(storageOf(params.initializationOptions));
    // Only the VS Code client says whether the workspace is trusted; other clients' workspaces are.
    session.decisions.trusted = (params.initializationOptions as { trusted?: unknown } | null | undefined)?.trusted !== false;
    session.documentCodesWith(codeLinks(shippedDocs(__dirname)));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Byline' },
    };
  });

  async function loadSettings(): Promise<boolean> {
    const raw = canConfigure ? await connection.workspace.getConfiguration('byline') : {};
    const window = parseSettings(raw);
    // byline.include/exclude/useGitignore are `resource` settings: each folder may have its own.
    const scoped: unknown[] = canConfigure && folders.length > 0 ? await connection.workspace.getConfiguration(folders.map((f) => ({ scopeUri: f.uri, section: 'byline' }))) : [];
    const { settings, problems } = withFolderSettings(
      window.settings,
      window.problems,
      scoped.map((value, i) => ({ path: fileURLToPath(folders[i].uri), name: folders[i].name, raw: value })),
    );
    const text = problems.join('; ');
    // Each bad setting is reported once, not on every change of every other setting.
    if (text && text !== lastSettingsProblems) void connection.window.showWarningMessage(`Byline: ${text}`);
    lastSettingsProblems = text;
    reportedSpeech = settings.reportedSpeech;
    return session.configure(settings);
  }

  connection.onInitialized(async () => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'byline' });
    // vscode-languageserver throws here for a client without workspace folders, which ended the server.
    if (hasFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        useFolders((await connection.workspace.getWorkspaceFolders()) ?? []);
        // A folder added brings its own settings.
        await loadSettings();
        await session.loadDecisions();
        await session.scan();
      });
    }
    mark('initialized');
    await loadSettings();
    await session.loadDecisions();
    mark('scan started');
    await session.scan();
  });

  connection.onDidChangeConfiguration(async () => {
    if (await loadSettings()) await session.scan();
  });

  // A folder's decisions file (byline.json) is followed as the editor has it: a quick fix's edit applies at once, and so does undo.
  const isDecisions = (uri: string) => session.decisions.isDecisionsFile(uri);
  documents.onDidOpen((e) => {
    if (isDecisions(e.document.uri)) return session.decisionsEdited(e.document.uri, e.document.getText());
    mark('document opened');
    session.opened(e.document.uri, e.document.getText(), e.document.version);
    mark('document analysed');
  });
  documents.onDidChangeContent((e) => (isDecisions(e.document.uri) ? session.decisionsEdited(e.document.uri, e.document.getText()) : session.changed(e.document.uri, e.document.getText(), e.document.version)));
  documents.onDidClose((e) => (isDecisions(e.document.uri) ? session.decisionsEdited(e.document.uri, null) : void session.closed(e.document.uri)));

  connection.onCodeAction(({ textDocument, range, context }) => {
    const offset = session.offsetOf(textDocument.uri, range.start);
    if (offset === null) return [];
    return codeActions(session.index, textDocument.uri, offset, context.diagnostics, session.decisions.fileFor(textDocument.uri), (p) => session.offsetOf(textDocument.uri, p));
  });

  connection.onNotification(TRUSTED_NOTIFICATION, async () => {
    session.decisions.trusted = true;
    if (await session.loadDecisions()) await session.scan();
  });

  // A quick fix that asked the reader first (a speaker, a note): the decision, complete, becomes an edit of the decisions file.
  connection.onRequest(DECISION_EDIT_REQUEST, (params: { uri: string; decision: unknown }): DecisionEditResult => {
    const file = session.decisions.fileFor(params.uri);
    if (!file) return { problem: 'This file is not inside a workspace folder, so there is no byline.json to record the decision in.' };
    const read = parseDecisions(JSON.stringify({ decisions: [params.decision] }));
    if (read.decisions.length === 0) return { problem: read.problems.map((p) => p.message).join('; ') };
    return decisionEdit(file, read.decisions[0].decision);
  });

  // The session follows the events one at a time, in the order they came (session.ts).
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) void (change.type === FileChangeType.Deleted ? session.fileDeleted(change.uri) : session.fileChanged(change.uri));
  });

  connection.onHover(({ textDocument, position }) => {
    const offset = session.offsetOf(textDocument.uri, position);
    if (offset === null) return null;
    const found = findAt(session.index, textDocument.uri, offset);
    if (!found) return null;
    const span = found.kind === 'claim' ? found.claim : found.kind === 'quote' ? found.quote : found;
    const range = session.rangeOf(textDocument.uri, span.start, span.end) ?? undefined;
    return { contents: { kind: 'markdown', value: hoverMarkdown(session.index, textDocument.uri, found, lineOf) }, range };
  });

  connection.onReferences(({ textDocument, position }) => {
    const offset = session.offsetOf(textDocument.uri, position);
    if (offset === null) return [];
    const found = findAt(session.index, textDocument.uri, offset);
    if (found?.kind === 'claim') return claimReferences(session.index, textDocument.uri, found.index, rangeOf);
    // A quote that other files quote too: its versions. Any other quote: its speaker's quotes.
    const versions = found?.kind === 'quote' ? quoteReferences(session.index, textDocument.uri, found.quote.start, found.quote.end, rangeOf) : [];
    if (versions.length > 0) return versions;
    if (found?.kind === 'quote' || found?.kind === 'speaker') {
      const speaker = found.speaker;
      return speaker ? speakerQuotes(session.index, speaker.id, rangeOf).map((q) => ({ uri: q.uri, range: q.range })) : [];
    }
    return [];
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    mark('marks asked for');
    const doc = session.index.get(textDocument.uri);
    const data = doc ? encodeTokens(doc.text, tokenSpans(session.index, textDocument.uri, { reportedSpeech })) : [];
    if (!marksSent && data.length > 0) {
      marksSent = true;
      mark('marks sent');
      const steps = firstOpen.map(([step, ms]) => `${step} ${Math.round(ms)}`).join(', ');
      connection.console.info(`First quote marks sent ${Math.round(performance.now())} ms after the server's process started at ${new Date(performance.timeOrigin).toISOString()} (ms: ${steps})`);
    }
    return { data };
  });

  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const from = session.offsetOf(textDocument.uri, range.start);
    const to = session.offsetOf(textDocument.uri, range.end);
    if (from === null || to === null) return [];
    return quoteHints(session.index, textDocument.uri, from, to, { reportedSpeech }).flatMap((h) => {
      const position = session.rangeOf(textDocument.uri, h.offset, h.offset)?.start;
      return position ? [{ position, label: h.label, tooltip: h.tooltip, paddingLeft: true }] : [];
    });
  });

  connection.onWorkspaceSymbol(({ query }) => speakerSymbols(session.index, query, rangeOf));

  connection.onRequest(CONFLICTS_REQUEST, () => conflictLocations(session.index, rangeOf));
  connection.onRequest(SPEAKERS_REQUEST, (params: SpeakersParams | null | undefined) => speakerSummaries(session.index, params?.limit));
  connection.onRequest(SPEAKER_QUOTES_REQUEST, (params: { id: string }) => speakerQuotes(session.index, params.id, rangeOf));
  connection.onRequest(CLAIM_GROUPS_REQUEST, () => claimGroups(session.index, rangeOf));
  connection.onRequest(UTTERANCES_REQUEST, (params: UtterancesParams | null | undefined) => utterances(session.index, rangeOf, params?.limit));
  connection.onRequest(RESCAN_REQUEST, () => session.scan());
  connection.onRequest(SPEAKER_AT_REQUEST, (params: SpeakerAtParams) => {
    const offset = session.offsetOf(params.uri, params.position);
    const found = offset === null ? null : findAt(session.index, params.uri, offset);
    return found && found.kind !== 'claim' && found.speaker ? found.speaker.id : null;
  });

  connection.onShutdown(() => {
    shutDown = true;
    return session.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The folder the editor lets Byline keep its analysis cache in: `storagePath` in the
 * initialization options (the VS Code client passes the extension's storage folder). Without
 * one, Byline writes nothing.
 */
function storageOf(options: unknown): string | null {
  const storage = (options as { storagePath?: unknown } | null | undefined)?.storagePath;
  return typeof storage === 'string' && storage.length > 0 ? storage : null;
}

async function startProgress(connection: Connection, title: string): Promise<Progress> {
  const reporter = await connection.window.createWorkDoneProgress();
  let cancelled = false;
  reporter.token.onCancellationRequested(() => {
    cancelled = true;
  });
  reporter.begin(title, 0, undefined, true);
  return {
    report: (percentage, message) => reporter.report(Math.round(percentage), message),
    get cancelled() {
      return cancelled;
    },
    done: () => reporter.done(),
  };
}

// The benchmark (scripts/bench) drives the bundled session directly, to measure the code that ships.
export { AnalysisPool, Session };

if (require.main === module) {
  startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
  // Started ahead of the editor's first message (the VS Code client does so while VS Code
  // prepares the extension): the engine loads now, so that the first article opened is
  // analysed at once rather than after it (docs/first-underline.md).
  if (process.argv.includes('--warm')) setImmediate(() => analyzeDocument(WARM_UP_TEXT, {}));
}

/**
 * Over stdio the editor's bytes are checked before vscode-jsonrpc reads them (streamGuard.ts):
 * a broken stream ends the process with a message, so that the editor starts the server
 * again, rather than leaving it alive and deaf.
 */
function stdioConnection(): Connection {
  const guard = new StreamGuard();
  process.stdin.pipe(guard);
  const reader = new StreamMessageReader(guard);
  reader.onError((e) => {
    const what = Array.isArray(e) ? e[0] : e;
    process.stderr.write(`Byline: the message stream from the editor is broken (${what instanceof Error ? what.message : String(what)}); the server stops so that the editor can start it again.\n`);
    process.exit(1);
  });
  // The editor closed the stream: it is done with the server.
  reader.onClose(() => process.exit(shutDown ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}
