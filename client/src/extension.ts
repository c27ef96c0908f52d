// The VS Code side of NewsLens: starts the language server (dist/server.js, over Node IPC), sends it
// the articles the editor opens, and adds what only the editor can show: the status bar item and the
// commands behind lenses and quick fixes. Every analysis happens in the server.

// First, so that its clock starts before the modules below are evaluated.
import { bundleStartedAt } from './loadClock';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { ARTICLE_LANGUAGE_ID, STATUS_NOTIFICATION, StatusParams } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { StartupTimes } from './startupTimes';
import { NewsLensStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activatedAt = performance.now();
  const startup = new StartupTimes(bundleStartedAt, activatedAt);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plain text and Markdown are sent too; the server's newslens.files.include globs decide which of
    // them are articles. Only files: an untitled buffer has no place in the workspace index.
    documentSelector: [
      { scheme: 'file', language: ARTICLE_LANGUAGE_ID },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
    ],
    outputChannelName: 'NewsLens',
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        // Every publication passes here, a workspace's worth while it is indexed: the open documents
        // are looked through only until the first diagnostics of one have come.
        const line = startup.awaitsFirstDiagnostics && isOpen(uri) ? startup.diagnosticsArrived(uri.toString(), performance.now()) : undefined;
        if (line) client?.info(line);
        next(uri, diagnostics);
      },
    },
  };
  client = new LanguageClient('newslens', 'NewsLens', serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => startup.documentOpened(d.uri.toString(), performance.now())));

  const statusBar = new NewsLensStatusBar();
  context.subscriptions.push(statusBar, ...registerCommands(client));
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => statusBar.update(status)),
    client.onDidChangeState((event) => {
      if (event.newState === State.Stopped) statusBar.stopped();
      else if (event.newState === State.Starting) statusBar.starting();
    }),
  );
  await client.start();
  client.info(startup.serverReady(performance.now()));
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
