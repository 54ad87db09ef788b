'use strict';
// A stand-in for Byline in the end-to-end smoke test: each thing it shows (a diagnostic, a
// hover, a status bar item) is fixed text, so the test can tell the whole chain worked.
const vscode = require('vscode');

// The texts live in markers.json, which the test reads too. The diagnostic underlines the first
// occurrence of the target word in each plain-text file.
const markers = require('./markers.json');

function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('byline-smoke');
  const refresh = (doc) => {
    if (doc.languageId !== 'plaintext') return;
    const at = doc.getText().indexOf(markers.target);
    if (at < 0) {
      diagnostics.delete(doc.uri);
      return;
    }
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + markers.target.length));
    const d = new vscode.Diagnostic(range, markers.diagnostic, vscode.DiagnosticSeverity.Warning);
    d.source = 'byline-smoke';
    d.code = markers.code;
    diagnostics.set(doc.uri, [d]);
  };
  vscode.workspace.textDocuments.forEach(refresh);

  const status = vscode.window.createStatusBarItem('byline-smoke.status', vscode.StatusBarAlignment.Left);
  status.name = 'Byline smoke';
  status.text = markers.status;
  status.show();

  context.subscriptions.push(
    diagnostics,
    status,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.languages.registerHoverProvider('plaintext', {
      provideHover: () => new vscode.Hover(markers.hover),
    }),
  );
}

module.exports = { activate };
