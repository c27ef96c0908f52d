// Fills the workspace index from disk: every article in the workspace folders at start-up (and again
// when the folders or the file settings change), then single files as the client reports them changed.
//
// Indexing reads and analyses one file at a time and yields to the event loop between files, so the
// server keeps answering the editor while a large workspace is read. A newer run cancels an older one.
// Files the editor has open are left alone: the open version wins.

import { Connection, FileChangeType, FileEvent } from 'vscode-languageserver';
import { analyseArticle } from './analysis';
import { ArticleScope, listArticleFiles, readArticleFile } from './articleFiles';
import { DiagnosticsPublisher } from './diagnostics';
import { StatusReporter } from './status';
import { documentKey, isPathInside, pathToUri, uriToPath } from './uris';
import { WorkspaceIndex } from './workspaceIndex';

export interface WorkspaceIndexerDeps {
  connection: Connection;
  index: WorkspaceIndex;
  publisher: DiagnosticsPublisher;
  status: StatusReporter;
  scope: () => ArticleScope;
  isOpen: (key: string) => boolean;
  /** Whether the client accepts server-initiated window/workDoneProgress. */
  progressSupported: boolean;
}

/**
 * Most files indexed from disk. A folder that is not a newsroom's (a home directory, a documentation
 * monorepo full of Markdown) would otherwise cost minutes and gigabytes; the log says how to narrow
 * newslens.files.include instead.
 */
export const MAX_INDEXED_FILES = 20_000;

/** Longest stretch of synchronous work before yielding to pending requests. */
const SLICE_MS = 20;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndexer {
  private run = 0;

  constructor(private readonly deps: WorkspaceIndexerDeps) {}

  /** Stops a running indexing pass (shutdown). */
  cancel(): void {
    this.run++;
  }

  /** Indexes every article of the workspace folders, replacing what was indexed from disk before. */
  async indexWorkspace(): Promise<void> {
    const run = ++this.run;
    const cancelled = () => run !== this.run;
    const { connection, status, scope } = this.deps;
    status.indexingProgress(0, 0); // before any await: no 'ready' may slip out while this pass starts
    const progress = this.deps.progressSupported ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('NewsLens', 0, 'finding articles', false);
    const started = Date.now();
    try {
      const current = scope();
      let files: string[] = [];
      for (const folder of current.folders) files.push(...(await listArticleFiles(folder, current, cancelled)));
      if (cancelled()) return;
      if (files.length > MAX_INDEXED_FILES) {
        connection.console.warn(
          `found ${files.length} files matching newslens.files.include; indexing the first ${MAX_INDEXED_FILES}. ` +
            'Narrow newslens.files.include to the folders that hold articles.',
        );
        files = files.slice(0, MAX_INDEXED_FILES);
      }
      const seen = new Set<string>();
      let sliceStart = Date.now();
      let reported = -1;
      for (let i = 0; i < files.length; i++) {
        if (cancelled()) return;
        seen.add(pathToUri(files[i]));
        await this.indexFile(files[i], current);
        status.indexingProgress(i + 1, files.length);
        // At most one report per percent: a workspace of 50,000 files must not send 50,000 of them.
        const percentage = Math.floor(((i + 1) / files.length) * 100);
        if (percentage !== reported || i + 1 === files.length) {
          reported = percentage;
          progress?.report(percentage, `${i + 1}/${files.length} articles`);
        }
        if (Date.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
      // Files indexed by an earlier run that are gone or out of scope now.
      for (const key of this.deps.index.keys()) {
        const document = this.deps.index.get(key);
        if (document?.origin === 'disk' && !seen.has(key)) this.forget(key);
      }
      const plural = files.length === 1 ? '' : 's';
      connection.console.info(
        `read ${files.length} file${plural} in ${Date.now() - started} ms; ${this.deps.index.articleCount} articles in the index`,
      );
    } finally {
      progress?.done();
      if (!cancelled()) status.indexingDone();
    }
  }

  /**
   * Reads one file and puts its analysis in the index, or forgets it when it is skipped. Does nothing
   * when the file is open in the editor.
   */
  async indexFile(fsPath: string, scope: ArticleScope = this.deps.scope()): Promise<void> {
    const key = pathToUri(fsPath);
    if (this.deps.isOpen(key)) return;
    const result = await readArticleFile(fsPath, scope.maxSizeKB);
    if (this.deps.isOpen(key)) return; // opened while we were reading
    if ('skipped' in result) {
      this.deps.connection.console.info(`skipped ${fsPath}: ${result.skipped.message}`);
      this.forget(key);
      return;
    }
    const indexed = analyseArticle(
      { key, uri: key, origin: 'disk', version: null, text: result.text },
      scope.maxSizeKB,
      (message) => this.deps.connection.console.error(message),
      null,
    );
    if (indexed.skipped) {
      this.forget(key); // the engine failed on it; logged by analyseArticle
      return;
    }
    this.deps.publisher.schedule(this.deps.index.set(indexed));
    this.deps.status.changed();
  }

  /** Applies workspace/didChangeWatchedFiles events. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    const scope = this.deps.scope();
    for (const change of changes) {
      const fsPath = uriToPath(change.uri);
      if (fsPath === null) continue;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event for the folder: forget everything below it.
        for (const key of this.deps.index.keys()) {
          const document = this.deps.index.get(key);
          const documentPath = uriToPath(key);
          if (document?.origin === 'disk' && documentPath !== null && isPathInside(documentPath, fsPath)) this.forget(key);
        }
      } else if (scope.inFolders(fsPath) && scope.includesPath(fsPath)) {
        await this.indexFile(fsPath, scope);
      }
    }
  }

  /** After an open document closed: its file on disk is what counts now. */
  async revertToDisk(fsPath: string): Promise<void> {
    await this.indexFile(fsPath);
    // indexFile replaced the entry with the disk version or forgot it; if the document was reopened
    // meanwhile it returned early and the open version stays. Anything else left behind is stale.
    const key = pathToUri(fsPath);
    const stale = this.deps.index.get(key);
    if (stale?.origin === 'open' && !this.deps.isOpen(key)) this.forget(key);
  }

  private forget(key: string): void {
    if (!this.deps.index.get(key) || this.deps.isOpen(documentKey(key))) return;
    this.deps.publisher.schedule(this.deps.index.remove(key));
    this.deps.status.changed();
  }
}
