// The NewsLens language server: wiring only. Each feature lives in its own file and works on the
// analyses held by the WorkspaceIndex; this file creates the connection, reads the client's
// capabilities, routes requests to the features and keeps the index, the settings and the file
// watchers in step with the workspace.
//
// `startServer` is called by `newslens lsp --stdio` (the CLI) and by dist/server.js (the bundle the VS
// Code client starts). `createConnection(ProposedFeatures.all)` picks the transport (--stdio,
// --node-ipc, --socket=N) from the process arguments.

import {
  CancellationToken,
  CodeActionParams,
  CodeLensParams,
  CodeLensRefreshRequest,
  Connection,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  Disposable,
  DocumentSymbolParams,
  HoverParams,
  FileSystemWatcher,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  PositionEncodingKind,
  ProposedFeatures,
  ReferenceParams,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  WatchKind,
  WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageVersion } from '../node/resources';
import { warmUpAnalyzer } from './analysis';
import { ArticleScope } from './articleFiles';
import { codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { insertSourceTag } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { hoverAcrossChange, hoverAt } from './hover';
import { IndexPool, workerCount } from './indexPool';
import { OpenDocuments } from './openDocuments';
import { Commands } from './protocol';
import { references } from './references';
import { NewsLensSettings, SettingsStore } from './settings';
import { StatusReporter } from './status';
import { documentSymbols, flatDocumentSymbols, workspaceSymbols } from './symbols';
import { documentKey, pathToUri, uriToPath } from './uris';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';
import { WorkspaceIndexer } from './workspaceIndexer';

/** What the client can do, read once from its initialize request. */
interface ClientFeatures {
  configurationPull: boolean;
  configurationChangeRegistration: boolean;
  watchedFilesRegistration: boolean;
  relativePatterns: boolean;
  workspaceFolders: boolean;
  workDoneProgress: boolean;
  codeLensRefresh: boolean;
  hierarchicalSymbols: boolean;
  versionedEdits: boolean;
}

function clientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities;
  return {
    configurationPull: !!c.workspace?.configuration,
    configurationChangeRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    workDoneProgress: !!c.window?.workDoneProgress,
    codeLensRefresh: !!c.workspace?.codeLens?.refreshSupport,
    hierarchicalSymbols: !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    versionedEdits: !!c.workspace?.workspaceEdit?.documentChanges,
  };
}

/** Folders of the workspace as file-system paths (non-file folders cannot be indexed from disk). */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== null);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}

function serverVersion(): string {
  try {
    return packageVersion();
  } catch {
    return '0.0.0';
  }
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // A bug in one feature must cost one answer, not the editor's server: log it and carry on. To stderr
  // (clients show it in the server's output), not through the connection, which may be what failed.
  process.on('unhandledRejection', (reason) => process.stderr.write(`newslens: unhandled rejection: ${describeError(reason)}\n`));
  process.on('uncaughtException', (error) => process.stderr.write(`newslens: uncaught exception: ${describeError(error)}\n`));
  new NewsLensServer(connection).listen();
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The answer to a request the client cancelled. */
function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

class NewsLensServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly index = new WorkspaceIndex();
  private readonly settings: SettingsStore;
  private readonly status: StatusReporter;
  private readonly publisher: DiagnosticsPublisher;
  private readonly openDocuments: OpenDocuments;
  private features!: ClientFeatures;
  private indexer!: WorkspaceIndexer;
  private folders: string[] = [];
  private scope = new ArticleScope([], [], 1);
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private watcherRegistration: Disposable | undefined;
  private lensRefreshInFlight = false;
  private indexPool: IndexPool | undefined;

  constructor(private readonly connection: Connection) {
    this.settings = new SettingsStore(connection);
    this.status = new StatusReporter(connection, this.index);
    this.publisher = new DiagnosticsPublisher(
      connection,
      this.index,
      () => this.settings.current,
      (uri) => this.documents.get(uri)?.version,
      () => {
        // Lenses of the edited article change too (a tag makes a claim sourced), and the editor asked
        // for them before the debounced analysis finished: ask it to ask again.
        this.refreshCodeLenses();
      },
    );
    this.openDocuments = new OpenDocuments({
      documents: this.documents,
      index: this.index,
      publisher: this.publisher,
      scope: () => this.scope,
      debounceMs: () => this.settings.current.analysis.debounceMs,
      ready: this.ready,
      revertToDisk: (fsPath) => this.background('re-reading a closed file', this.indexer.revertToDisk(fsPath)),
      indexChanged: () => this.status.changed(),
      log: (message) => connection.console.info(message),
    });
  }

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.background('initialization', this.initialized()));
    connection.onShutdown(() => {
      this.indexer?.cancel();
      this.indexPool?.dispose();
    });
    connection.onDidChangeConfiguration((params) => this.background('settings change', this.configurationChanged(params.settings)));
    connection.onDidChangeWatchedFiles((params) => this.background('file change', this.indexer.filesChanged(params.changes)));

    // Requests about one document: answered from its current analysis, empty for non-articles. When the
    // open version still has to be analysed, the server first lets the connection read what arrived
    // meanwhile, so a request the client has cancelled (the user typed on) costs no analysis.
    const about = <P extends { textDocument: { uri: string } }, R>(
      name: string,
      feature: (document: IndexedDocument, params: P) => R,
      empty: R,
    ) =>
      this.guard(name, async (params: P, token: CancellationToken) => {
        const uri = params.textDocument.uri;
        if (this.openDocuments.needsAnalysis(uri)) {
          await yieldToEventLoop();
          if (token.isCancellationRequested) return cancelled();
        }
        return this.withDocument(uri, (d) => feature(d, params)) ?? empty;
      }, empty);
    const hover = about('hover', (d, p: HoverParams) => hoverAt(d, this.index, p.position), null);
    connection.onHover(async (params, token, workDone, partial) => {
      // While an edit waits for its analysis, answer from the analysis before it where the edit changed
      // nothing; only a hover on or next to the edit waits for the new analysis.
      if (!token.isCancellationRequested) {
        try {
          const pending = this.openDocuments.earlierAnalysis(params.textDocument.uri);
          const answer = pending && hoverAcrossChange(pending.earlier, this.index, pending.change, pending.current, params.position);
          if (answer !== undefined) return answer;
        } catch (error) {
          connection.console.error(`hover failed: ${describeError(error)}`);
        }
      }
      return hover(params, token, workDone, partial);
    });
    connection.onCodeLens(about('codeLens', (d, _p: CodeLensParams) => codeLenses(d, this.index), []));
    connection.onCodeAction(about('codeAction', (d, p: CodeActionParams) => codeActions(d, p, this.features.versionedEdits), []));
    connection.onDocumentSymbol(
      about('documentSymbol', (d, _p: DocumentSymbolParams) =>
        this.features.hierarchicalSymbols ? documentSymbols(d) : flatDocumentSymbols(d), []),
    );
    connection.onReferences(about('references', (d, p: ReferenceParams) => references(d, this.index, p.position), []));
    connection.onWorkspaceSymbol(this.guard('workspaceSymbol', (p: WorkspaceSymbolParams) => workspaceSymbols(this.index, p.query), []));
    connection.onExecuteCommand(async (params) => {
      if (params.command !== Commands.insertSourceTag) return null;
      try {
        return await insertSourceTag(params.arguments?.[0], {
          connection,
          current: (uri) => this.openDocuments.current(uri),
          versionedEdits: this.features.versionedEdits,
        });
      } catch (error) {
        connection.console.error(`newslens.insertSourceTag failed: ${describeError(error)}`);
        return false;
      }
    });

    this.documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.features = clientFeatures(params);
    this.settings.initialize(params.initializationOptions, this.features.configurationPull);
    this.folders = workspaceFolderPaths(params);
    this.rebuildScope();
    this.indexer = new WorkspaceIndexer({
      connection: this.connection,
      index: this.index,
      publisher: this.publisher,
      status: this.status,
      scope: () => this.scope,
      isOpen: (key) => this.openDocuments.isOpen(key),
      pool: () => this.pool(),
      progressSupported: this.features.workDoneProgress,
    });
    return {
      capabilities: {
        // Engine offsets are UTF-16 code units, LSP's default; saying so lets clients skip negotiating.
        positionEncoding: PositionEncodingKind.UTF16,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        documentSymbolProvider: { label: 'NewsLens' },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        executeCommandProvider: { commands: [Commands.insertSourceTag] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'newslens', version: serverVersion() },
    };
  }

  private async initialized(): Promise<void> {
    const { connection } = this;
    // On a later turn, while the settings are asked for: what the first opened article would otherwise
    // wait for. An article opened before that turn builds the analyzer itself, and this finds it built.
    setImmediate(() => {
      const warm = warmUpAnalyzer();
      if ('error' in warm) connection.console.error(`the analyzer could not start: ${warm.error}`);
      else connection.console.info(`analyzer ready in ${Math.round(warm.ms)} ms`);
    });
    await this.settings.refresh();
    this.rebuildScope();
    this.markReady();
    if (this.features.configurationChangeRegistration) {
      this.background('settings registration', connection.client.register(DidChangeConfigurationNotification.type, { section: 'newslens' }));
    }
    if (this.features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        this.folders = this.folders.filter((f) => !removed.has(f));
        for (const f of event.added) {
          const p = uriToPath(f.uri);
          if (p !== null && !this.folders.includes(p)) this.folders.push(p);
        }
        this.rebuildScope();
        this.background('watcher registration', this.registerWatchers());
        this.background('indexing', this.indexer.indexWorkspace());
      });
    }
    await this.registerWatchers();
    connection.console.info(
      `NewsLens ${serverVersion()}: indexing ${this.folders.length ? this.folders.join(', ') : 'no workspace folder'} (${this.scope.globs.globs.join(', ')})`,
    );
    await this.indexer.indexWorkspace();
  }

  private rebuildScope(): void {
    const { include, maxSizeKB } = this.settings.current.files;
    this.scope = new ArticleScope(this.folders, include, maxSizeKB);
  }

  /** Watches the include globs in every folder, plus deletions anywhere (a deleted folder is one event). */
  private async registerWatchers(): Promise<void> {
    if (!this.features.watchedFilesRegistration) return;
    const watchers: FileSystemWatcher[] = [];
    for (const glob of this.scope.globs.globs) {
      if (this.features.relativePatterns && this.folders.length) {
        for (const folder of this.folders) watchers.push({ globPattern: { baseUri: pathToUri(folder), pattern: glob } });
      } else {
        watchers.push({ globPattern: glob });
      }
    }
    watchers.push({ globPattern: '**/*', kind: WatchKind.Delete });
    const previous = this.watcherRegistration;
    this.watcherRegistration = undefined;
    previous?.dispose();
    try {
      this.watcherRegistration = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } catch (error) {
      this.connection.console.warn(`could not register file watchers: ${String(error)}`);
    }
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    const before: NewsLensSettings = this.settings.current;
    if (!(await this.settings.refresh(pushed))) return;
    const after = this.settings.current;
    const workersChanged = before.analysis.workers !== after.analysis.workers;
    if (workersChanged) {
      // A pool of the new size takes over on first use; files the old one held are read again by the
      // new pass started below.
      this.indexPool?.dispose();
      this.indexPool = undefined;
    }
    if (JSON.stringify(before.files) !== JSON.stringify(after.files)) {
      // Which files are articles changed: re-read the workspace and re-check every open document.
      this.rebuildScope();
      this.background('watcher registration', this.registerWatchers());
      this.openDocuments.reanalyseAll();
      this.background('indexing', this.indexer.indexWorkspace());
    } else if (workersChanged) {
      this.background('indexing', this.indexer.indexWorkspace());
    } else {
      // Only how diagnostics look (or the typing delay) changed.
      this.publisher.schedule(this.index.keys());
    }
  }

  /** The workers that index files, started on first use with the size the settings ask for. */
  private pool(): IndexPool {
    return (this.indexPool ??= new IndexPool(workerCount(this.settings.current.analysis.workers), (message) =>
      this.connection.console.warn(message),
    ));
  }

  /** The current analysis of a document: the open version, else what the index read from disk. */
  private withDocument<T>(uri: string, feature: (document: IndexedDocument) => T): T | null {
    const document = this.documents.get(uri) ? this.openDocuments.current(uri) : this.index.get(documentKey(uri));
    if (!document || document.skipped) return null;
    return feature(document);
  }

  /** Runs work nobody awaits, logging its failure instead of leaving an unhandled rejection. */
  private background(what: string, work: Promise<unknown>): void {
    work.catch((error) => this.connection.console.error(`${what} failed: ${describeError(error)}`));
  }

  /**
   * Runs a request handler so that a bug in one feature answers with an empty result and a log line, and
   * a request the client cancelled before or while it ran answers RequestCancelled, as LSP asks.
   */
  private guard<P, R>(
    name: string,
    handler: (params: P, token: CancellationToken) => R | Promise<R | ResponseError<void>>,
    fallback: R,
  ): (params: P, token: CancellationToken, ...rest: unknown[]) => Promise<R | ResponseError<void>> {
    return async (params: P, token: CancellationToken) => {
      if (token.isCancellationRequested) return cancelled();
      try {
        const result = await handler(params, token);
        return token.isCancellationRequested ? cancelled() : result;
      } catch (error) {
        this.connection.console.error(`${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  /** Asks the client to re-request code lenses after new analyses (this article's and others'). */
  private refreshCodeLenses(): void {
    if (!this.features?.codeLensRefresh || this.lensRefreshInFlight) return;
    this.lensRefreshInFlight = true;
    this.connection
      .sendRequest(CodeLensRefreshRequest.type)
      .catch(() => undefined)
      .finally(() => (this.lensRefreshInFlight = false));
  }
}
