// Fills the workspace index from disk: every article in the workspace folders at start-up (and again
// when the folders or the file settings change), then single files as the client reports them changed.
//
// Files are read and analysed by a pool of worker threads (indexPool.ts); this thread only puts their
// summaries into the index, so the server keeps answering the editor while a large workspace is read.
// A newer pass supersedes an older one, and the client may cancel a pass from its progress
// notification. Files the editor has open are left alone: the open version wins.

import { Connection, FileChangeType, FileEvent } from 'vscode-languageserver';
import { ArticleScope, listArticleFiles } from './articleFiles';
import { DiagnosticsPublisher } from './diagnostics';
import { IndexPool } from './indexPool';
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
  /** The pool that reads and analyses files (asked each time: a settings change may replace it). */
  pool: () => IndexPool;
  /** Whether the client accepts server-initiated window/workDoneProgress. */
  progressSupported: boolean;
}

/**
 * Most files indexed from disk. A folder that is not a newsroom's (a home directory, a documentation
 * monorepo full of Markdown) would otherwise cost minutes and gigabytes; the log says how to narrow
 * newslens.files.include instead.
 */
export const MAX_INDEXED_FILES = 20_000;

export class WorkspaceIndexer {
  private run = 0;

  constructor(private readonly deps: WorkspaceIndexerDeps) {}

  /** Stops a running indexing pass (shutdown, or a new pass about to start). */
  cancel(): void {
    this.run++;
  }

  /** Indexes every article of the workspace folders, replacing what was indexed from disk before. */
  async indexWorkspace(): Promise<void> {
    const run = ++this.run;
    let cancelledByUser = false;
    const cancelled = () => run !== this.run || cancelledByUser;
    const { connection, status, scope } = this.deps;
    status.indexingProgress(0, 0); // before any await: no 'ready' may slip out while this pass starts
    const progress = this.deps.progressSupported ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('NewsLens', 0, 'finding articles', true);
    // The user stops this pass from the progress notification; what is indexed so far stays.
    progress?.token.onCancellationRequested(() => (cancelledByUser = true));
    const started = Date.now();
    let indexed = 0;
    let files: string[] = [];
    try {
      const current = scope();
      for (const folder of current.folders) files.push(...(await listArticleFiles(folder, current, cancelled)));
      if (cancelled()) return;
      if (files.length > MAX_INDEXED_FILES) {
        connection.console.warn(
          `found ${files.length} files matching newslens.files.include; indexing the first ${MAX_INDEXED_FILES}. ` +
            'Narrow newslens.files.include to the folders that hold articles.',
        );
        files = files.slice(0, MAX_INDEXED_FILES);
      }
      let reported = -1;
      const pool = this.deps.pool();
      // A few files per worker in flight, no more: results arrive as fast as the workers make them, and
      // memory holds a handful of texts, not the workspace.
      await forEachBounded(files, pool.capacity, cancelled, async (file) => {
        await this.indexFile(file, current, cancelled);
        if (cancelled()) return;
        indexed++;
        status.indexingProgress(indexed, files.length);
        // At most one report per percent: a workspace of 50,000 files must not send 50,000 of them.
        const percentage = Math.floor((indexed / files.length) * 100);
        if (percentage !== reported || indexed === files.length) {
          reported = percentage;
          progress?.report(percentage, `${indexed}/${files.length} articles`);
        }
      });
      if (cancelled()) return;
      // Files indexed by an earlier run that are gone or out of scope now.
      const seen = new Set(files.map((f) => pathToUri(f)));
      for (const key of this.deps.index.keys()) {
        const document = this.deps.index.get(key);
        if (document?.origin === 'disk' && !seen.has(key)) this.forget(key);
      }
      const plural = files.length === 1 ? '' : 's';
      const how = pool.usesWorkers ? `${pool.size} worker thread${pool.size === 1 ? '' : 's'}` : 'the main thread';
      connection.console.info(
        `read ${files.length} file${plural} in ${Date.now() - started} ms (${how}); ${this.deps.index.articleCount} articles in the index`,
      );
    } finally {
      progress?.done();
      if (cancelledByUser && run === this.run) {
        connection.console.info(`indexing cancelled after ${indexed} of ${files.length} files; the rest is not checked for conflicts`);
      }
      // A superseded pass leaves the status to the pass that replaced it.
      if (run === this.run) status.indexingDone();
    }
  }

  /**
   * Reads one file and puts its analysis in the index, or forgets it when it is skipped. Does nothing
   * when the file is open in the editor, or when `cancelled` says the pass that asked is over.
   */
  async indexFile(fsPath: string, scope: ArticleScope = this.deps.scope(), cancelled: () => boolean = () => false): Promise<void> {
    const key = pathToUri(fsPath);
    if (this.deps.isOpen(key)) return;
    const result = await this.deps.pool().analyse(fsPath, key, scope.maxSizeKB, () => cancelled() || this.deps.isOpen(key));
    if ('cancelled' in result || cancelled() || this.deps.isOpen(key)) return; // opened while it was read
    const { connection } = this.deps;
    if ('failed' in result) {
      connection.console.error(`could not index ${fsPath}: ${result.failed.split('\n')[0]}`);
      this.forget(key);
      return;
    }
    for (const line of result.logs) connection.console.error(line);
    const indexed = result.document;
    if (indexed.skipped) {
      // An engine failure was logged above; a file skipped for its size or content gets a line here.
      if (result.logs.length === 0) connection.console.info(`skipped ${fsPath}: ${indexed.skipped.message}`);
      this.forget(key);
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

/**
 * Runs `work` on every item with at most `limit` running at once, in order of the items; stops handing
 * out items once `cancelled` says so, and resolves when the running ones are done.
 */
export async function forEachBounded<T>(items: readonly T[], limit: number, cancelled: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !cancelled()) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
